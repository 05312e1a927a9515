package dev.dockfit.vuln.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * CVSS v4.0 scores (base, threat and environmental metrics), by the specification's method: the
 * vector's MacroVector (EQ1..EQ6) gives a score from FIRST's table, lowered by the mean proportional
 * severity distance of the vector from the highest-severity vectors of that MacroVector.
 */
final class Cvss40 {

    private static final Map<String, Double> LOOKUP = loadLookup();
    private static final Set<String> REQUIRED = Set.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA");

    // Severity levels of each metric value (lower is more severe), in steps of 0.1 as the method defines.
    private static final Map<String, Map<String, Double>> LEVELS = Map.ofEntries(
            Map.entry("AV", Map.of("N", 0.0, "A", 0.1, "L", 0.2, "P", 0.3)),
            Map.entry("PR", Map.of("N", 0.0, "L", 0.1, "H", 0.2)),
            Map.entry("UI", Map.of("N", 0.0, "P", 0.1, "A", 0.2)),
            Map.entry("AC", Map.of("L", 0.0, "H", 0.1)),
            Map.entry("AT", Map.of("N", 0.0, "P", 0.1)),
            Map.entry("VC", Map.of("H", 0.0, "L", 0.1, "N", 0.2)),
            Map.entry("VI", Map.of("H", 0.0, "L", 0.1, "N", 0.2)),
            Map.entry("VA", Map.of("H", 0.0, "L", 0.1, "N", 0.2)),
            Map.entry("SC", Map.of("H", 0.1, "L", 0.2, "N", 0.3)),
            Map.entry("SI", Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3)),
            Map.entry("SA", Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3)),
            Map.entry("CR", Map.of("H", 0.0, "M", 0.1, "L", 0.2)),
            Map.entry("IR", Map.of("H", 0.0, "M", 0.1, "L", 0.2)),
            Map.entry("AR", Map.of("H", 0.0, "M", 0.1, "L", 0.2)));

    // The highest-severity vectors of each EQ level (EQ3 and EQ6 together, by EQ3 then EQ6).
    private static final List<List<String>> EQ1_MAX = List.of(List.of("AV:N/PR:N/UI:N/"),
            List.of("AV:A/PR:N/UI:N/", "AV:N/PR:L/UI:N/", "AV:N/PR:N/UI:P/"), List.of("AV:P/PR:N/UI:N/", "AV:A/PR:L/UI:P/"));
    private static final List<List<String>> EQ2_MAX = List.of(List.of("AC:L/AT:N/"), List.of("AC:H/AT:N/", "AC:L/AT:P/"));
    private static final List<List<List<String>>> EQ3_EQ6_MAX = List.of(
            List.of(List.of("VC:H/VI:H/VA:H/CR:H/IR:H/AR:H/"),
                    List.of("VC:H/VI:H/VA:L/CR:M/IR:M/AR:H/", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M/")),
            List.of(List.of("VC:L/VI:H/VA:H/CR:H/IR:H/AR:H/", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H/"),
                    List.of("VC:L/VI:H/VA:L/CR:H/IR:M/AR:H/", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M/", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M/",
                            "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H/", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M/")),
            List.of(List.of(), List.of("VC:L/VI:L/VA:L/CR:H/IR:H/AR:H/")));
    private static final List<List<String>> EQ4_MAX = List.of(List.of("SC:H/SI:S/SA:S/"), List.of("SC:H/SI:H/SA:H/"),
            List.of("SC:L/SI:L/SA:L/"));
    private static final List<String> EQ5_MAX = List.of("E:A/", "E:P/", "E:U/");

    // Depth of each MacroVector level in severity steps.
    private static final int[] EQ1_DEPTH = {1, 4, 5};
    private static final int[] EQ2_DEPTH = {1, 2};
    private static final int[][] EQ3_EQ6_DEPTH = {{7, 6}, {8, 8}, {0, 10}};
    private static final int[] EQ4_DEPTH = {6, 5, 4};

    private Cvss40() {
    }

    /** The score of a {@code CVSS:4.0/...} vector; empty when it is malformed or lacks a base metric. */
    static OptionalDouble score(String vector) {
        if (vector == null || !vector.startsWith("CVSS:4.0/")) return OptionalDouble.empty();
        Map<String, String> given = new HashMap<>();
        for (String part : vector.substring("CVSS:4.0/".length()).split("/")) {
            int colon = part.indexOf(':');
            if (colon <= 0 || given.put(part.substring(0, colon), part.substring(colon + 1)) != null) return OptionalDouble.empty();
        }
        if (!given.keySet().containsAll(REQUIRED)) return OptionalDouble.empty();
        Map<String, String> v = new HashMap<>();
        for (String metric : List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA", "E", "CR", "IR", "AR")) {
            v.put(metric, effective(given, metric));
        }
        for (Map.Entry<String, Map<String, Double>> level : LEVELS.entrySet()) {
            if (!level.getValue().containsKey(v.get(level.getKey()))) return OptionalDouble.empty();
        }
        if (!List.of("A", "P", "U").contains(v.get("E"))) return OptionalDouble.empty();
        return OptionalDouble.of(compute(v, given));
    }

    /** A metric's value after the environmental override ({@code M<metric>}) and the worst-case defaults for X. */
    private static String effective(Map<String, String> given, String metric) {
        String selected = given.getOrDefault(metric, "X");
        if (metric.equals("E") && selected.equals("X")) return "A";
        if ((metric.equals("CR") || metric.equals("IR") || metric.equals("AR")) && selected.equals("X")) return "H";
        String modified = given.get("M" + metric);
        if (modified != null && !modified.equals("X")) return modified;
        return selected;
    }

    private static double compute(Map<String, String> v, Map<String, String> given) {
        if (List.of("VC", "VI", "VA", "SC", "SI", "SA").stream().allMatch(m -> v.get(m).equals("N"))) return 0.0;
        String av = v.get("AV");
        String pr = v.get("PR");
        String ui = v.get("UI");
        int eq1 = av.equals("N") && pr.equals("N") && ui.equals("N") ? 0
                : (av.equals("N") || pr.equals("N") || ui.equals("N")) && !av.equals("P") ? 1 : 2;
        int eq2 = v.get("AC").equals("L") && v.get("AT").equals("N") ? 0 : 1;
        boolean vcH = v.get("VC").equals("H");
        boolean viH = v.get("VI").equals("H");
        boolean vaH = v.get("VA").equals("H");
        int eq3 = vcH && viH ? 0 : (vcH || viH || vaH) ? 1 : 2;
        boolean safety = "S".equals(given.get("MSI")) || "S".equals(given.get("MSA"));
        int eq4 = safety ? 0 : (v.get("SC").equals("H") || v.get("SI").equals("H") || v.get("SA").equals("H")) ? 1 : 2;
        int eq5 = switch (v.get("E")) {
            case "A" -> 0;
            case "P" -> 1;
            default -> 2;
        };
        int eq6 = (v.get("CR").equals("H") && vcH) || (v.get("IR").equals("H") && viH) || (v.get("AR").equals("H") && vaH) ? 0 : 1;

        double value = LOOKUP.get(macro(eq1, eq2, eq3, eq4, eq5, eq6));
        double lowerEq1 = lookup(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
        double lowerEq2 = lookup(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
        double lowerEq3Eq6;
        if (eq3 == 0 && eq6 == 0) {
            double left = lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
            double right = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
            lowerEq3Eq6 = left > right ? left : right;
        } else if (eq3 == 1 && eq6 == 0) {
            lowerEq3Eq6 = lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
        } else if (eq6 == 1 && eq3 <= 1) {
            lowerEq3Eq6 = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
        } else {
            lowerEq3Eq6 = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6 + 1);
        }
        double lowerEq4 = lookup(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
        double lowerEq5 = lookup(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

        // The first highest-severity vector of the MacroVector that is at least as severe in every metric.
        Map<String, Double> distance = null;
        search:
        for (String m1 : EQ1_MAX.get(eq1)) {
            for (String m2 : EQ2_MAX.get(eq2)) {
                for (String m36 : EQ3_EQ6_MAX.get(eq3).get(eq6)) {
                    for (String m4 : EQ4_MAX.get(eq4)) {
                        distance = distances(v, m1 + m2 + m36 + m4 + EQ5_MAX.get(eq5));
                        if (distance.values().stream().noneMatch(d -> d < 0)) break search;
                    }
                }
            }
        }
        double dEq1 = distance.get("AV") + distance.get("PR") + distance.get("UI");
        double dEq2 = distance.get("AC") + distance.get("AT");
        double dEq3Eq6 = distance.get("VC") + distance.get("VI") + distance.get("VA") + distance.get("CR") + distance.get("IR")
                + distance.get("AR");
        double dEq4 = distance.get("SC") + distance.get("SI") + distance.get("SA");
        double step = 0.1;

        int lower = 0;
        double sum = 0;
        if (!Double.isNaN(lowerEq1)) {
            lower++;
            sum += (value - lowerEq1) * (dEq1 / (EQ1_DEPTH[eq1] * step));
        }
        if (!Double.isNaN(lowerEq2)) {
            lower++;
            sum += (value - lowerEq2) * (dEq2 / (EQ2_DEPTH[eq2] * step));
        }
        if (!Double.isNaN(lowerEq3Eq6)) {
            lower++;
            sum += (value - lowerEq3Eq6) * (dEq3Eq6 / (EQ3_EQ6_DEPTH[eq3][eq6] * step));
        }
        if (!Double.isNaN(lowerEq4)) {
            lower++;
            sum += (value - lowerEq4) * (dEq4 / (EQ4_DEPTH[eq4] * step));
        }
        if (!Double.isNaN(lowerEq5)) {
            lower++; // EQ5 has a single level per MacroVector: its proportion is always 0
        }
        double mean = lower == 0 ? 0 : sum / lower;
        double score = Math.min(10.0, Math.max(0.0, value - mean));
        return Math.round(score * 10) / 10.0;
    }

    private static Map<String, Double> distances(Map<String, String> v, String maxVector) {
        Map<String, Double> out = new HashMap<>();
        for (String part : maxVector.split("/")) {
            int colon = part.indexOf(':');
            String metric = part.substring(0, colon);
            if (metric.equals("E")) continue;
            Map<String, Double> levels = LEVELS.get(metric);
            out.put(metric, levels.get(v.get(metric)) - levels.get(part.substring(colon + 1)));
        }
        return out;
    }

    private static String macro(int... eqs) {
        StringBuilder sb = new StringBuilder();
        for (int e : eqs) sb.append(e);
        return sb.toString();
    }

    private static double lookup(int... eqs) {
        Double d = LOOKUP.get(macro(eqs));
        return d == null ? Double.NaN : d;
    }

    private static Map<String, Double> loadLookup() {
        Map<String, Double> table = new HashMap<>();
        try (InputStream in = Cvss40.class.getResourceAsStream("cvss40-macrovectors.txt")) {
            if (in == null) throw new IllegalStateException("cvss40-macrovectors.txt missing from the class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.trim().split("\\s+");
                for (int i = 0; i + 1 < f.length; i += 2) table.put(f[i], Double.parseDouble(f[i + 1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
