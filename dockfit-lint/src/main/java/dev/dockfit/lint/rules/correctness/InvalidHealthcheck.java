package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Flag;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.regex.Pattern;

@RuleDoc(id = "DF605", title = "HEALTHCHECK the build rejects", severity = Severity.ERROR,
        practice = Practice.CORRECTNESS,
        why = "HEALTHCHECK takes CMD with a command or NONE alone (no options), durations such as 30s or 1m30s "
                + "(0 or at least 1ms) and a whole number of retries; anything else fails the build.",
        bad = """
                FROM nginx:1.27-alpine
                HEALTHCHECK --interval=30 CMD wget -q -O /dev/null http://localhost/ || exit 1
                """,
        good = """
                FROM nginx:1.27-alpine
                HEALTHCHECK --interval=30s CMD wget -q -O /dev/null http://localhost/ || exit 1
                """)
public final class InvalidHealthcheck extends Rule {
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern DURATION =
            Pattern.compile("0|[-+]?((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

    @Override
    public void check(LintContext ctx) {
        for (Instruction i : Keywords.withOnbuildChildren(ctx.instructions())) {
            if (!i.is("HEALTHCHECK")) continue;
            if (i.args().isEmpty()) {
                ctx.report(i, "HEALTHCHECK needs CMD <command> or NONE");
                continue;
            }
            String type = i.args().get(0).value();
            if (type.equalsIgnoreCase("NONE")) {
                if (i.args().size() > 1) ctx.report(i, "HEALTHCHECK NONE takes no arguments: remove them");
                for (Flag f : i.flags()) {
                    ctx.report(f.span(), "HEALTHCHECK NONE takes no options: remove --" + f.name());
                }
                continue;
            } else if (!type.equalsIgnoreCase("CMD")) {
                ctx.report(i.args().get(0).span(), "unknown HEALTHCHECK type '" + type + "': use CMD or NONE");
            } else if (i.args().size() < 2 || i.args().get(1).value().isBlank()) {
                ctx.report(i, "HEALTHCHECK CMD needs a command");
            }
            for (Flag f : i.flags()) checkFlag(ctx, f);
        }
    }

    private static void checkFlag(LintContext ctx, Flag f) {
        String v = f.value();
        if (v == null || v.contains("$")) return;
        switch (f.name()) {
            case "interval", "timeout", "start-period", "start-interval" -> {
                if (!DURATION.matcher(v).matches()) {
                    ctx.report(f.span(), "--" + f.name() + "=" + v + " is not a duration: write it with a unit, "
                            + "such as 30s or 1m30s");
                } else if (v.startsWith("-") || nanos(v) > 0 && nanos(v) < 1_000_000) {
                    ctx.report(f.span(), "--" + f.name() + " must be 0 or at least 1ms");
                }
            }
            case "retries" -> {
                if (!DIGITS.matcher(v).matches()) ctx.report(f.span(), "--retries=" + v + " is not a whole number");
            }
            default -> {
            }
        }
    }

    /** The length of a Go duration in nanoseconds (sign ignored). */
    private static double nanos(String duration) {
        var m = DURATION_PART.matcher(duration);
        double total = 0;
        while (m.find()) {
            double n = Double.parseDouble(m.group(1));
            total += n * switch (m.group(2)) {
                case "ns" -> 1;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                case "h" -> 3600e9;
                default -> 1e3;
            };
        }
        return total;
    }
}
