package dev.dockfit.lint.rules.correctness;

import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;

@RuleDoc(id = "DF607", title = "Several ENTRYPOINT instructions in one stage", severity = Severity.ERROR,
        practice = Practice.CORRECTNESS,
        why = "Only the last ENTRYPOINT of a stage takes effect; the earlier ones are dead code that "
                + "misleads readers.",
        bad = """
                FROM alpine:3.20
                ENTRYPOINT ["/bin/sh"]
                ENTRYPOINT ["/usr/local/bin/app"]
                """,
        good = """
                FROM alpine:3.20
                ENTRYPOINT ["/usr/local/bin/app"]
                """,
        hadolint = "DL4004", trivy = "DS-0007", buildkit = "MultipleInstructionsDisallowed")
public final class MultipleEntrypoint extends Rule {

    @Override
    public void check(LintContext ctx) {
        OnlyLastTakesEffect.check(ctx, "ENTRYPOINT");
    }
}
