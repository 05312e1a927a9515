package dev.dockfit.cli.recommend;

import dev.dockfit.image.analysis.Bytes;
import dev.dockfit.vuln.match.VulnSeverity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Snyk's base-image table: one row per candidate with size and vulnerability counts by severity. */
public final class RecommendationsTty {

    private RecommendationsTty() {
    }

    public static void print(Recommender.Recommendations r, PrintWriter out) {
        out.println("Base image recommendations for " + r.image());
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"", "TAG", "SIZE", "CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN", "TOTAL"});
        rows.add(row("Current image", r.current()));
        add(rows, "Minor upgrades", r.minorUpgrades());
        add(rows, "Major upgrades", r.majorUpgrades());
        add(rows, "Alternative image types", r.alternatives());
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) line.append(String.format("%-" + (width[i] + 2) + "s", row[i]));
            out.println(line.toString().stripTrailing());
        }
        if (r.minorUpgrades().isEmpty() && r.majorUpgrades().isEmpty() && r.alternatives().isEmpty()) {
            out.println("No other versioned tag of this repository to propose.");
        }
    }

    private static void add(List<String[]> rows, String label, List<CandidateScan> scans) {
        for (int i = 0; i < scans.size(); i++) rows.add(row(i == 0 ? label : "", scans.get(i)));
    }

    private static String[] row(String label, CandidateScan s) {
        return new String[]{label, s.tag(), Bytes.human(s.compressedBytes()),
                count(s, VulnSeverity.CRITICAL), count(s, VulnSeverity.HIGH), count(s, VulnSeverity.MEDIUM),
                count(s, VulnSeverity.LOW), count(s, VulnSeverity.UNKNOWN), Integer.toString(s.total())};
    }

    private static String count(CandidateScan s, VulnSeverity severity) {
        return Integer.toString(s.counts().getOrDefault(severity, 0));
    }
}
