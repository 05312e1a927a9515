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
        why = "HEALTHCHECK takes CMD with a command or NONE alone, durations such as 30s or 1m30s and a whole "
                + "number of retries; anything else fails the build.",
        bad = """
                FROM nginx:1.27-alpine
                HEALTHCHECK --interval=30 CMD wget -q -O /dev/null http://localhost/ || exit 1
                """,
        good = """
                FROM nginx:1.27-alpine
                HEALTHCHECK --interval=30s CMD wget -q -O /dev/null http://localhost/ || exit 1
                """)
public final class InvalidHealthcheck implements Rule {
    private static final Pattern DURATION =
            Pattern.compile("0|[-+]?((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+");

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
                } else if (v.startsWith("-")) {
                    ctx.report(f.span(), "--" + f.name() + " cannot be negative");
                }
            }
            case "retries" -> {
                if (!v.matches("\\d+")) ctx.report(f.span(), "--retries=" + v + " is not a whole number");
            }
            default -> {
            }
        }
    }
}
