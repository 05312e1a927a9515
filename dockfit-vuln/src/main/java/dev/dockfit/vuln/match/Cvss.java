package dev.dockfit.vuln.match;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * CVSS base scores computed from vectors: v3.0/v3.1 (FIRST's specification formulas, with v3.1's
 * Roundup) and v2; v4.0 is {@link Cvss40}.
 */
public final class Cvss {

    private Cvss() {
    }

    /** The base score of a {@code CVSS:3.x/...} vector; empty when the vector is malformed. */
    public static OptionalDouble v3BaseScore(String vector) {
        Map<String, String> m = metrics(vector, "CVSS:3.");
        if (m == null) return OptionalDouble.empty();
        boolean v30 = vector.startsWith("CVSS:3.0/");
        boolean changed = "C".equals(m.get("S"));
        Double av = pick(m.get("AV"), "N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
        Double ac = pick(m.get("AC"), "L", 0.77, "H", 0.44);
        Double pr = changed ? pick(m.get("PR"), "N", 0.85, "L", 0.68, "H", 0.5) : pick(m.get("PR"), "N", 0.85, "L", 0.62, "H", 0.27);
        Double ui = pick(m.get("UI"), "N", 0.85, "R", 0.62);
        Double c = pick(m.get("C"), "H", 0.56, "L", 0.22, "N", 0.0);
        Double i = pick(m.get("I"), "H", 0.56, "L", 0.22, "N", 0.0);
        Double a = pick(m.get("A"), "H", 0.56, "L", 0.22, "N", 0.0);
        if (av == null || ac == null || pr == null || ui == null || c == null || i == null || a == null
                || !("U".equals(m.get("S")) || changed)) {
            return OptionalDouble.empty();
        }
        double iss = 1 - (1 - c) * (1 - i) * (1 - a);
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * av * ac * pr * ui;
        if (impact <= 0) return OptionalDouble.of(0.0);
        double raw = changed ? Math.min(1.08 * (impact + exploitability), 10) : Math.min(impact + exploitability, 10);
        return OptionalDouble.of(v30 ? Math.ceil(raw * 10) / 10.0 : roundUp(raw));
    }

    /** The base score of a CVSS v2 vector ({@code AV:N/AC:L/Au:N/C:P/I:P/A:P}). */
    public static OptionalDouble v2BaseScore(String vector) {
        Map<String, String> m = metrics(vector.startsWith("(") ? vector.replaceAll("[()]", "") : vector, "");
        if (m == null) return OptionalDouble.empty();
        Double av = pick(m.get("AV"), "L", 0.395, "A", 0.646, "N", 1.0);
        Double ac = pick(m.get("AC"), "H", 0.35, "M", 0.61, "L", 0.71);
        Double au = pick(m.get("Au"), "M", 0.45, "S", 0.56, "N", 0.704);
        Double c = pick(m.get("C"), "N", 0.0, "P", 0.275, "C", 0.660);
        Double i = pick(m.get("I"), "N", 0.0, "P", 0.275, "C", 0.660);
        Double a = pick(m.get("A"), "N", 0.0, "P", 0.275, "C", 0.660);
        if (av == null || ac == null || au == null || c == null || i == null || a == null) return OptionalDouble.empty();
        double impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
        double exploitability = 20 * av * ac * au;
        double f = impact == 0 ? 0 : 1.176;
        double score = ((0.6 * impact) + (0.4 * exploitability) - 1.5) * f;
        return OptionalDouble.of(Math.round(score * 10) / 10.0);
    }

    /** CVSS v3.1 Roundup: the smallest one-decimal number >= x, computed in integers to avoid float noise. */
    static double roundUp(double x) {
        long scaled = Math.round(x * 100000);
        if (scaled % 10000 == 0) return scaled / 100000.0;
        return (Math.floor(scaled / 10000.0) + 1) / 10.0;
    }

    private static Map<String, String> metrics(String vector, String prefix) {
        if (vector == null || !vector.startsWith(prefix)) return null;
        Map<String, String> m = new HashMap<>();
        String[] parts = vector.split("/");
        for (int k = prefix.isEmpty() ? 0 : 1; k < parts.length; k++) {
            int colon = parts[k].indexOf(':');
            if (colon <= 0) return null;
            m.put(parts[k].substring(0, colon), parts[k].substring(colon + 1));
        }
        return m;
    }

    private static Double pick(String value, Object... table) {
        if (value == null) return null;
        for (int k = 0; k < table.length; k += 2) {
            if (table[k].equals(value)) return (Double) table[k + 1];
        }
        return null;
    }
}
