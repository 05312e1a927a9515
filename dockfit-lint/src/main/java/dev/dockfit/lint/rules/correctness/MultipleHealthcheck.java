package dev.dockfit.lint.rules.correctness;

import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;

@RuleDoc(id = "DF608", title = "Several HEALTHCHECK instructions in one stage", severity = Severity.WARNING,
        practice = Practice.CORRECTNESS,
        why = "Only the last HEALTHCHECK of a stage takes effect; the earlier ones are dead code that "
                + "misleads readers.",
        bad = """
                FROM nginx:1.27-alpine
                HEALTHCHECK CMD wget -q -O /dev/null http://localhost/ || exit 1
                HEALTHCHECK --interval=1m CMD wget -q -O /dev/null http://localhost/ || exit 1
                """,
        good = """
                FROM nginx:1.27-alpine
                HEALTHCHECK --interval=1m CMD wget -q -O /dev/null http://localhost/ || exit 1
                """,
        hadolint = "DL3012", trivy = "DS-0023", buildkit = "MultipleInstructionsDisallowed")
public final class MultipleHealthcheck extends Rule {

    @Override
    public void check(LintContext ctx) {
        OnlyLastTakesEffect.check(ctx, "HEALTHCHECK");
    }
}
