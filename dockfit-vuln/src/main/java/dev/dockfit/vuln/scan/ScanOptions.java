package dev.dockfit.vuln.scan;

import dev.dockfit.vuln.match.VulnSeverity;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which matches a scan reports.
 *
 * @param severities    severities to show (all when empty)
 * @param ignoreUnfixed drop vulnerabilities without a known fix
 * @param ignores       accepted vulnerabilities
 * @param today         the day expiry dates are compared with
 */
public record ScanOptions(Set<VulnSeverity> severities, boolean ignoreUnfixed, IgnoreRules ignores, LocalDate today) {

    public ScanOptions {
        severities = Set.copyOf(severities);
        if (ignores == null) ignores = IgnoreRules.NONE;
    }

    public static ScanOptions all() {
        return new ScanOptions(Set.of(), false, IgnoreRules.NONE, LocalDate.now());
    }
}
