package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.dockerfile.model.Flag;
import java.util.List;

@RuleDoc(id = "DF716", title = "FROM --platform=$TARGETPLATFORM is redundant", severity = Severity.STYLE,
        practice = Practice.MAINTAINABILITY,
        why = "Stages are built for the target platform by default, so the flag adds nothing but noise. "
                + "--platform=$BUILDPLATFORM (for cross-compiling stages) is meaningful and not reported.",
        bad = """
                FROM --platform=$TARGETPLATFORM alpine:3.20
                """,
        good = """
                FROM alpine:3.20
                """,
        hadolint = "DL3065", buildkit = "RedundantTargetPlatform")
public final class RedundantTargetPlatform extends Rule {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> froms = ctx.instructions("FROM");
        for (int n = 0; n < froms.size(); n++) {
            Instruction i = froms.get(n);
            for (Flag f : i.flags("platform")) {
                if ("$TARGETPLATFORM".equals(f.value()) || "${TARGETPLATFORM}".equals(f.value())) {
                    ctx.report(f.span(), "remove --platform=$TARGETPLATFORM: it is the default");
                }
            }
        }
    }
}
