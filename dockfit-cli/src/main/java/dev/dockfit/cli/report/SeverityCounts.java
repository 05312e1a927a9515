package dev.dockfit.cli.report;

import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many findings of each severity, for summary lines. */
public record SeverityCounts(Map<Severity, Integer> counts) {

    public static SeverityCounts of(List<Finding> findings) {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) m.put(s, 0);
        for (Finding f : findings) m.merge(f.severity(), 1, Integer::sum);
        return new SeverityCounts(m);
    }

    public int get(Severity s) {
        return counts.get(s);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
