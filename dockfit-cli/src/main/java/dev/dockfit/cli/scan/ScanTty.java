package dev.dockfit.cli.scan;

import dev.dockfit.image.analysis.ImageReport;
import dev.dockfit.vuln.match.VulnMatch;
import dev.dockfit.vuln.match.VulnSeverity;
import dev.dockfit.vuln.scan.Inventory;
import dev.dockfit.vuln.scan.ScanResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The terminal report: header, "Tested N dependencies ... found M vulnerabilities", then one row per match. */
final class ScanTty {

    private static final int MAX_LAYER_TEXT = 60;

    private ScanTty() {
    }

    static void print(ScanResult result, String source, PrintWriter out) {
        Inventory inv = result.inventory();
        out.println("Image:       " + source);
        out.println("OS:          " + (inv.os().isKnown() ? inv.os().prettyName() : "unknown"));
        ImageReport.BaseImage base = inv.baseImage();
        out.println("Base image:  " + (base != null && base.name() != null ? base.name() : "unknown"));
        out.println();
        int total = result.matches().size();
        out.println("Tested " + result.tested() + " dependencies for known vulnerabilities, found " + total
                + (total == 1 ? " vulnerability" : " vulnerabilities") + summary(result.countsBySeverity()) + ".");
        if (!result.ignored().isEmpty() || result.filtered() > 0) {
            out.println("(" + result.ignored().size() + " ignored by the ignore file, " + result.filtered() + " hidden by filters)");
        }
        for (String w : result.warnings()) out.println("warning: " + w);
        if (total == 0) return;
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"PACKAGE", "INSTALLED", "FIXED", "ID", "SEVERITY", "LAYER"});
        for (VulnMatch m : ScanJson.sorted(result.matches())) {
            rows.add(new String[]{m.pkg().name(), m.pkg().version(), m.fixedVersion() == null ? "(none)" : m.fixedVersion(),
                    m.id(), m.severity().severity().name(), layer(inv, m)});
        }
        int[] width = new int[6];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String summary(Map<VulnSeverity, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> {
            if (n > 0) parts.add(n + " " + s.name().toLowerCase(Locale.ROOT));
        });
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** {@code #3 RUN apt-get install ...}: the layer index and its history line, shortened. */
    private static String layer(Inventory inv, VulnMatch m) {
        int i = m.pkg().layerIndex();
        if (i < 0) return "?";
        String by = inv.createdBy(m.pkg()).replaceAll("\\s+", " ").strip();
        by = by.replaceFirst("^/bin/sh -c #\\(nop\\) ", "").replaceFirst("^/bin/sh -c ", "RUN ");
        if (by.length() > MAX_LAYER_TEXT) by = by.substring(0, MAX_LAYER_TEXT - 3) + "...";
        return "#" + i + (by.isEmpty() ? "" : " " + by);
    }
}
