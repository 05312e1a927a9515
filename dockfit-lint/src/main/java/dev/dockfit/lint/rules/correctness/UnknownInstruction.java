package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.Spelling;

@RuleDoc(id = "DF600", title = "Unknown instruction", severity = Severity.ERROR, practice = Practice.CORRECTNESS,
        why = "The build stops at an instruction that is not in the Dockerfile reference, usually a typo or a "
                + "line that lost its continuation backslash.",
        bad = """
                FROM alpine:3.20
                RUN apk add --no-cache curl
                COPPY app.sh /usr/local/bin/
                """,
        good = """
                FROM alpine:3.20
                RUN apk add --no-cache curl
                COPY app.sh /usr/local/bin/
                """)
public final class UnknownInstruction extends Rule {

    @Override
    public void check(LintContext ctx) {
        for (Instruction i : Keywords.withOnbuildChildren(ctx.instructions())) {
            if (Keywords.INSTRUCTIONS.contains(i.keyword())) continue;
            String hint = Spelling.nearest(i.keyword(), Keywords.INSTRUCTIONS).map(k -> ": did you mean " + k + "?")
                    .orElse(": a missing '\\' at the end of the line before?");
            ctx.report(i.keywordSpan(), "unknown instruction '" + i.writtenKeyword() + "'" + hint);
        }
    }
}
