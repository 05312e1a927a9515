package dev.dockfit.vuln.match;

import dev.dockfit.image.packages.Package;
import java.util.List;

/**
 * One vulnerability of one installed package.
 *
 * @param ecosystem    the OSV ecosystem matched ({@code Debian:12})
 * @param fixedVersion the lowest version that fixes it, or null when no fix is known (unfixed)
 */
public record VulnMatch(Package pkg, String id, List<String> aliases, String summary, String ecosystem,
                        String fixedVersion, SeverityAssessment severity) {

    public VulnMatch {
        aliases = List.copyOf(aliases);
    }

    public boolean isFixed() {
        return fixedVersion != null;
    }
}
