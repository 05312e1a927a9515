package dev.dockfit.lint.rules.correctness;

import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;

@RuleDoc(id = "DF606", title = "Several CMD instructions in one stage", severity = Severity.WARNING,
        practice = Practice.CORRECTNESS,
        why = "Only the last CMD of a stage takes effect; the earlier ones are dead code that "
                + "misleads readers.",
        bad = """
                FROM python:3.12-slim
                CMD ["python", "manage.py", "migrate"]
                CMD ["python", "manage.py", "runserver"]
                """,
        good = """
                FROM python:3.12-slim
                CMD ["python", "manage.py", "runserver"]
                """,
        hadolint = "DL4003", trivy = "DS-0016", buildkit = "MultipleInstructionsDisallowed")
public final class MultipleCmd extends Rule {

    @Override
    public void check(LintContext ctx) {
        OnlyLastTakesEffect.check(ctx, "CMD");
    }
}
