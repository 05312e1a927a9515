package dev.dockfit.cli.report;

import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Severity;
import java.util.List;

/** Whether findings should fail the run: any finding at or above the threshold (default warning). */
public final class Thresholds {
    private Thresholds() {
    }

    public static boolean fails(List<Finding> findings, Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
