package dev.dockfit.image.analysis;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dive's CI gate: {@code lowestEfficiency}, {@code highestWastedBytes} and {@code highestUserWastedPercent}, read
 * from a {@code .dive-ci} file or given as flags, evaluated against {@link DiveEfficiency.Figures} with dive's
 * comparisons. A null threshold means the rule is disabled.
 */
public record DiveCi(Double lowestEfficiency, Long highestWastedBytes, Double highestUserWastedPercent) {

    public enum Status { PASS, FAIL, SKIP }

    public record Result(String rule, Status status, String detail) {
    }

    private static final Pattern RULE = Pattern.compile("^\\s+(lowestEfficiency|highestWastedBytes|highestUserWastedPercent)\\s*:\\s*(.*?)\\s*$");

    /** Reads the {@code rules:} block of a .dive-ci file (a small YAML subset: {@code key: value} lines). */
    public static DiveCi read(Path file) throws IOException {
        String eff = null;
        String bytes = null;
        String pct = null;
        for (String line : Files.readAllLines(file)) {
            Matcher m = RULE.matcher(line.replaceFirst("\\s+#.*$", ""));
            if (!m.matches()) continue;
            String v = m.group(2).replaceAll("^[\"']|[\"']$", "");
            switch (m.group(1)) {
                case "lowestEfficiency" -> eff = v;
                case "highestWastedBytes" -> bytes = v;
                default -> pct = v;
            }
        }
        return of(eff, bytes, pct, file.toString());
    }

    /** Builds the rules from dive's textual values; "", "disabled", "off", "false" disable a rule. */
    public static DiveCi of(String lowestEfficiency, String highestWastedBytes, String highestUserWastedPercent,
                            String where) {
        return new DiveCi(fraction(lowestEfficiency, "lowestEfficiency", where), bytes(highestWastedBytes, where),
                fraction(highestUserWastedPercent, "highestUserWastedPercent", where));
    }

    private static boolean disabled(String v) {
        return v == null || v.isEmpty() || v.equals("disabled") || v.equals("off") || v.equals("false");
    }

    private static Double fraction(String v, String key, String where) {
        if (disabled(v)) return null;
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": invalid " + key + " value '" + v + "'");
        }
        if (d < 0 || d > 1) throw new IllegalArgumentException(where + ": " + key + " must be between 0 and 1, got " + v);
        return d;
    }

    private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([a-z]*)");

    /** go-humanize's ParseBytes: {@code MB}/{@code Mb} are 10^6, {@code MiB} is 2^20, no unit means bytes. */
    static Long bytes(String v, String where) {
        if (disabled(v)) return null;
        Matcher m = SIZE.matcher(v.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException(where + ": invalid highestWastedBytes value '" + v + "'");
        String unit = m.group(2);
        long mult;
        switch (unit) {
            case "", "b" -> mult = 1;
            case "k", "kb" -> mult = 1000L;
            case "ki", "kib" -> mult = 1L << 10;
            case "m", "mb" -> mult = 1000_000L;
            case "mi", "mib" -> mult = 1L << 20;
            case "g", "gb" -> mult = 1000_000_000L;
            case "gi", "gib" -> mult = 1L << 30;
            case "t", "tb" -> mult = 1000_000_000_000L;
            case "ti", "tib" -> mult = 1L << 40;
            default -> throw new IllegalArgumentException(where + ": unknown size unit in '" + v + "'");
        }
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(mult)).longValue();
    }

    public List<Result> evaluate(DiveEfficiency.Figures f) {
        List<Result> out = new ArrayList<>();
        out.add(highestUserWastedPercent == null ? skip("highestUserWastedPercent")
                : f.userWastedPercent() > highestUserWastedPercent
                ? new Result("highestUserWastedPercent", Status.FAIL, String.format(Locale.ROOT,
                "too many bytes wasted, relative to the user bytes added (%%-user-wasted-bytes=%.2f > threshold=%s)",
                f.userWastedPercent(), highestUserWastedPercent))
                : new Result("highestUserWastedPercent", Status.PASS, String.valueOf(highestUserWastedPercent)));
        out.add(highestWastedBytes == null ? skip("highestWastedBytes")
                : f.wastedBytes() > highestWastedBytes
                ? new Result("highestWastedBytes", Status.FAIL, "too many bytes wasted (wasted-bytes="
                + f.wastedBytes() + " > threshold=" + highestWastedBytes + ")")
                : new Result("highestWastedBytes", Status.PASS, String.valueOf(highestWastedBytes)));
        out.add(lowestEfficiency == null ? skip("lowestEfficiency")
                : lowestEfficiency > f.efficiency()
                ? new Result("lowestEfficiency", Status.FAIL, String.format(Locale.ROOT,
                "image efficiency is too low (efficiency=%.2f < threshold=%s)", f.efficiency(), lowestEfficiency))
                : new Result("lowestEfficiency", Status.PASS, String.valueOf(lowestEfficiency)));
        return out;
    }

    private static Result skip(String rule) {
        return new Result(rule, Status.SKIP, "disabled");
    }
}
