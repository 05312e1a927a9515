package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.dockerfile.model.Flag;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Objects;

@RuleDoc(id = "DF712", title = "Consecutive short RUN instructions", severity = Severity.INFO,
        practice = Practice.MAINTAINABILITY,
        why = "Each RUN adds a layer and a cache step; short RUNs in a row with the same flags usually belong "
                + "together. RUNs of several commands each were split on purpose and are not reported.",
        bad = """
                FROM alpine:3.20
                RUN mkdir -p /srv/app
                RUN chown nobody /srv/app
                """,
        good = """
                FROM alpine:3.20
                RUN mkdir -p /srv/app && chown nobody /srv/app
                """,
        hadolint = "DL3059")
public final class ConsecutiveRuns extends Rule {

    @Override
    public void check(LintContext ctx) {
        Instruction previous = null;
        for (Instruction i : ctx.instructions()) {
            if (!i.is("RUN")) {
                previous = null;
                continue;
            }
            if (previous != null && commands(ctx, previous) <= 2 && commands(ctx, i) <= 2
                    && sameFlags(previous, i)) {
                ctx.report(i, "this RUN follows another short RUN: join them with && into one layer");
            }
            previous = i;
        }
    }

    private static boolean sameFlags(Instruction a, Instruction b) {
        List<Flag> x = a.flags();
        List<Flag> y = b.flags();
        if (x.size() != y.size()) return false;
        for (int k = 0; k < x.size(); k++) if (!Objects.equals(x.get(k).raw(), y.get(k).raw())) return false;
        return true;
    }

    /** Commands the RUN runs; an exec form or a non-POSIX shell script counts as one. */
    private static int commands(LintContext ctx, Instruction run) {
        List<RunScript> scripts = ctx.scripts(run);
        if (scripts.isEmpty()) return 1;
        int n = 0;
        for (int s = 0; s < scripts.size(); s++) n += scripts.get(s).script().commands().size();
        return n;
    }
}
