package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;

@RuleDoc(id = "DF610", title = "Relative WORKDIR with no absolute one before it", severity = Severity.WARNING,
        practice = Practice.CORRECTNESS,
        why = "A relative WORKDIR is resolved against the base image's working directory, which you do not "
                + "control and which can change with the base image. After an absolute WORKDIR a relative one is "
                + "clear and is not reported. Variables are resolved first.",
        bad = """
                FROM python:3.12-slim
                WORKDIR app
                COPY . .
                """,
        good = """
                FROM python:3.12-slim
                ARG APP_HOME=/app
                WORKDIR ${APP_HOME}
                COPY . .
                """,
        hadolint = "DL3000", trivy = "DS-0009", buildkit = "WorkdirRelativePath")
public final class RelativeWorkdir extends Rule {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> workdirs = ctx.instructions("WORKDIR");
        for (int n = 0; n < workdirs.size(); n++) {
            Instruction i = workdirs.get(n);
            if (i.args().isEmpty()) continue;
            String path = StageFacts.resolved(ctx, i, i.args().get(0).value());
            if (path == null || path.isEmpty() || StageFacts.isAbsolute(path)) continue;
            if (StageFacts.setBefore(ctx, i, "WORKDIR")) continue;
            ctx.report(i.args().get(0).span(), "WORKDIR '" + path + "' is relative to the base image's working "
                    + "directory: use an absolute path such as /" + path);
        }
    }
}
