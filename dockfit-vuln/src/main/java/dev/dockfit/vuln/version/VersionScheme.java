package dev.dockfit.vuln.version;

import java.util.Comparator;

/**
 * A total order over the version strings of one ecosystem. {@link #compare} accepts what the
 * ecosystem's own tool accepts (leniently, like that tool); {@link #isValid} says whether a string
 * follows the ecosystem's grammar exactly.
 */
public interface VersionScheme extends Comparator<String> {

    /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}. */
    @Override
    int compare(String a, String b);

    /** True when {@code version} follows this scheme's grammar. */
    boolean isValid(String version);

    /** Short name for messages, e.g. {@code dpkg}. */
    String name();
}
