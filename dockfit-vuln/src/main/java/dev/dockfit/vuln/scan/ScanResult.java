package dev.dockfit.vuln.scan;

import dev.dockfit.vuln.match.MatchResult;
import dev.dockfit.vuln.match.VulnMatch;
import dev.dockfit.vuln.match.VulnSeverity;
import dev.dockfit.vuln.match.VulnerabilitySource;
import dev.dockfit.vuln.match.Matcher;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A scan of one inventory.
 *
 * @param tested   packages looked up in the database
 * @param matches  the reported matches (after filters and ignores)
 * @param ignored  matches dropped by the ignore file
 * @param filtered matches dropped by the severity and unfixed filters
 * @param warnings one-line notes from matching
 */
public record ScanResult(Inventory inventory, int tested, List<VulnMatch> matches, List<VulnMatch> ignored, int filtered,
                         List<String> warnings) {

    public ScanResult {
        matches = List.copyOf(matches);
        ignored = List.copyOf(ignored);
        warnings = List.copyOf(warnings);
    }

    /** Matches the inventory against the source and applies the options' filters. */
    public static ScanResult scan(Inventory inventory, VulnerabilitySource source, ScanOptions options) {
        MatchResult r = new Matcher(source).match(inventory.os(), inventory.packages());
        List<VulnMatch> kept = new ArrayList<>();
        List<VulnMatch> ignored = new ArrayList<>();
        int filtered = 0;
        for (VulnMatch m : r.matches()) {
            if (options.ignores().ruleFor(m, options.today()).isPresent()) {
                ignored.add(m);
            } else if ((options.ignoreUnfixed() && !m.isFixed())
                    || (!options.severities().isEmpty() && !options.severities().contains(m.severity().severity()))) {
                filtered++;
            } else {
                kept.add(m);
            }
        }
        return new ScanResult(inventory, r.tested(), kept, ignored, filtered, r.warnings());
    }

    /** Reported matches per severity, every severity present (0 when none). */
    public Map<VulnSeverity, Integer> countsBySeverity() {
        Map<VulnSeverity, Integer> counts = new EnumMap<>(VulnSeverity.class);
        for (VulnSeverity s : VulnSeverity.values()) counts.put(s, 0);
        for (VulnMatch m : matches) counts.merge(m.severity().severity(), 1, Integer::sum);
        return counts;
    }
}
