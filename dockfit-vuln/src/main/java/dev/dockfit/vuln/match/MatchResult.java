package dev.dockfit.vuln.match;

import java.util.List;

/**
 * The outcome of matching an inventory.
 *
 * @param tested   packages looked up (those whose ecosystem could be determined)
 * @param matches  one entry per (package, vulnerability), in package then id order
 * @param warnings one-line notes: packages that could not be looked up, versions that could not be ordered
 */
public record MatchResult(int tested, List<VulnMatch> matches, List<String> warnings) {

    public MatchResult {
        matches = List.copyOf(matches);
        warnings = List.copyOf(warnings);
    }
}
