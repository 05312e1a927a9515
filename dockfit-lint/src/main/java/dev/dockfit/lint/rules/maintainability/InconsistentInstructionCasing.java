package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.Locale;

@RuleDoc(id = "DF702", title = "Instruction casing differs from the rest of the file", severity = Severity.STYLE,
        practice = Practice.MAINTAINABILITY,
        why = "Instructions are case-insensitive, but a file mixing RUN and run (or Run) is harder to read and "
                + "to search. The majority casing of the file wins.",
        bad = """
                FROM alpine:3.20
                run apk add --no-cache curl
                COPY app.sh /usr/local/bin/
                """,
        good = """
                FROM alpine:3.20
                RUN apk add --no-cache curl
                COPY app.sh /usr/local/bin/
                """,
        buildkit = "ConsistentInstructionCasing")
public final class InconsistentInstructionCasing implements Rule {

    @Override
    public void check(LintContext ctx) {
        int upper = 0;
        int lower = 0;
        for (Instruction i : ctx.instructions()) {
            String k = i.writtenKeyword();
            if (k.equals(k.toUpperCase(Locale.ROOT))) upper++;
            else if (k.equals(k.toLowerCase(Locale.ROOT))) lower++;
        }
        boolean wantUpper = upper >= lower;
        for (Instruction i : ctx.instructions()) {
            String k = i.writtenKeyword();
            String want = wantUpper ? k.toUpperCase(Locale.ROOT) : k.toLowerCase(Locale.ROOT);
            if (!k.equals(want)) {
                ctx.report(i.keywordSpan(), "write " + want + " like the other instructions ("
                        + (wantUpper ? "upper" : "lower") + " case)");
            }
        }
    }
}
