package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.model.ParseWarning;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;

@RuleDoc(id = "DF707", title = "Empty line inside a continued instruction", severity = Severity.WARNING,
        practice = Practice.MAINTAINABILITY,
        why = "An empty line in the middle of a backslash-continued instruction is accepted today but is "
                + "deprecated and will become an error; it also hides where the instruction ends.",
        bad = """
                FROM debian:bookworm-slim
                RUN apt-get update && \\

                    apt-get install -y --no-install-recommends curl
                """,
        good = """
                FROM debian:bookworm-slim
                RUN apt-get update && \\
                    apt-get install -y --no-install-recommends curl
                """,
        buildkit = "NoEmptyContinuation")
public final class EmptyContinuationLine extends Rule {

    @Override
    public void check(LintContext ctx) {
        for (ParseWarning w : ctx.file().warnings()) {
            ctx.report(w.span(), "remove the empty line inside this continued instruction (or comment it out)");
        }
    }
}
