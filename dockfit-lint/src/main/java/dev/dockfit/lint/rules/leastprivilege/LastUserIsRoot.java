package dev.dockfit.lint.rules.leastprivilege;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.UserInEffect;
import java.util.List;

@RuleDoc(id = "DF002", title = "Last USER of the final stage is root", severity = Severity.WARNING,
        practice = Practice.LEAST_PRIVILEGE,
        why = "The last USER is the user the container runs as. Switching to root for installs is fine, but the "
                + "image should switch back to an unprivileged user before it is shipped.",
        bad = """
                FROM debian:bookworm-slim
                RUN useradd -r app
                USER root
                CMD ["/bin/sh"]
                """,
        good = """
                FROM debian:bookworm-slim
                USER root
                RUN useradd -r app
                USER app
                CMD ["/bin/sh"]
                """,
        hadolint = "DL3002", trivy = "DS-0002")
public final class LastUserIsRoot extends Rule {

    @Override
    public void check(LintContext ctx) {
        ctx.model().finalStage().ifPresent(stage -> {
            Instruction last = lastUser(ctx, stage);
            if (last == null || last.args().isEmpty()) return;
            Arg arg = last.args().get(0);
            var e = ctx.model().expand(last, arg.value());
            if (e.isEmpty() || !e.get().unset().isEmpty()) return;
            String value = e.get().value().strip();
            if (!UserInEffect.isRoot(value)) return;
            String via = value.equals(arg.value()) ? "" : " ('" + arg.value() + "' resolves to '" + value + "')";
            ctx.report(arg.span(), "the image runs as root" + via
                    + ": end the final stage with USER set to a non-root user");
        });
    }

    /** The last USER in force at the end of the stage: its own, else the one of the stage it builds on. */
    private static Instruction lastUser(LintContext ctx, Stage stage) {
        for (Stage s : ctx.stageChain(stage)) {
            List<Instruction> users = s.all("USER");
            if (!users.isEmpty()) return users.get(users.size() - 1);
        }
        return null;
    }
}
