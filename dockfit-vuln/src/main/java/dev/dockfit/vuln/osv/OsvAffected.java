package dev.dockfit.vuln.osv;

import java.util.List;

/**
 * An {@code affected[]} entry.
 *
 * @param ecosystem       {@code package.ecosystem}, e.g. {@code Debian:12}
 * @param name            {@code package.name}
 * @param versions        the explicit {@code versions} list (empty when absent or null)
 * @param severity        package-level severity scores
 * @param urgency         {@code ecosystem_specific.urgency} (Debian: low, medium, high, unimportant...) or null
 * @param databaseSeverity {@code database_specific.severity} or null
 */
public record OsvAffected(String ecosystem, String name, String purl, List<OsvRange> ranges, List<String> versions,
                          List<OsvSeverity> severity, String urgency, String databaseSeverity) {

    public OsvAffected {
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
        severity = List.copyOf(severity);
    }
}
