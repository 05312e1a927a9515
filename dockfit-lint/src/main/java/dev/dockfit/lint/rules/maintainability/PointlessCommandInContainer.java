package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;

@RuleDoc(id = "DF708", title = "Command that makes no sense in a build", severity = Severity.INFO,
        practice = Practice.MAINTAINABILITY,
        why = "Interactive or system tools (ssh, vim, top, service, shutdown, mount, free, ps) do nothing useful "
                + "while an image builds: there is no init system, no terminal and no running service.",
        bad = """
                FROM debian:bookworm-slim
                RUN service nginx start
                """,
        good = """
                FROM nginx:1.27-alpine
                CMD ["nginx", "-g", "daemon off;"]
                """,
        hadolint = "DL3001")
public final class PointlessCommandInContainer extends Rule {
    private static final String[] POINTLESS_NAMES = {"free", "mount", "ps", "service", "shutdown", "ssh", "top",
        "vim", "reboot"};

    @Override
    public void check(LintContext ctx) {
        List<LintContext.RunCommand> found = ctx.runCommands(POINTLESS_NAMES);
        for (int i = 0; i < found.size(); i++) {
            SimpleCommand c = found.get(i).command();
            ctx.report(found.get(i).script().span(c.words().get(0)), c.name() + " does nothing useful during a build: "
                    + "remove it (services start from CMD or ENTRYPOINT)");
        }
    }
}
