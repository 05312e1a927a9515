package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;
import java.util.Set;

@RuleDoc(id = "DF603", title = "ONBUILD with FROM, MAINTAINER or ONBUILD", severity = Severity.ERROR,
        practice = Practice.CORRECTNESS,
        why = "ONBUILD cannot wrap FROM, MAINTAINER or another ONBUILD: the build fails.",
        bad = """
                FROM python:3.12-slim
                ONBUILD ONBUILD COPY requirements.txt /app/
                """,
        good = """
                FROM python:3.12-slim
                ONBUILD COPY requirements.txt /app/
                """,
        hadolint = "DL3043")
public final class ForbiddenOnbuildTrigger extends Rule {
    private static final Set<String> FORBIDDEN = Set.of("FROM", "MAINTAINER", "ONBUILD");

    @Override
    public void check(LintContext ctx) {
        List<Instruction> onbuilds = ctx.instructions("ONBUILD");
        for (int n = 0; n < onbuilds.size(); n++) {
            Instruction child = onbuilds.get(n).child();
            if (child != null && FORBIDDEN.contains(child.keyword())) {
                ctx.report(child.keywordSpan(), child.keyword() + " is not allowed as an ONBUILD trigger: remove it");
            }
        }
    }
}
