package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.dockerfile.semantic.Stage;

@RuleDoc(id = "DF713", title = "No HEALTHCHECK in the final stage", severity = Severity.INFO,
        practice = Practice.MAINTAINABILITY,
        why = "Without a HEALTHCHECK, docker and swarm only know whether the process runs, not whether it "
                + "answers. Opt-in: orchestrators such as Kubernetes ignore HEALTHCHECK and use their own probes.",
        bad = """
                FROM nginx:1.27-alpine
                COPY site/ /usr/share/nginx/html/
                """,
        good = """
                FROM nginx:1.27-alpine
                COPY site/ /usr/share/nginx/html/
                HEALTHCHECK CMD wget -q -O /dev/null http://localhost/ || exit 1
                """,
        hadolint = "DL3057", trivy = "DS-0026", enabledByDefault = false)
public final class MissingHealthcheck extends Rule {

    @Override
    public void check(LintContext ctx) {
        ctx.model().finalStage().ifPresent(stage -> {
            for (Stage s : ctx.stageChain(stage)) {
                if (!s.all("HEALTHCHECK").isEmpty()) return;
            }
            ctx.report(stage.from(), "add a HEALTHCHECK to the final stage (or HEALTHCHECK NONE to say there is none)");
        });
    }
}
