package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;
import java.util.List;

@RuleDoc(id = "DF711", title = "ln replaces /bin/sh", severity = Severity.WARNING,
        practice = Practice.MAINTAINABILITY,
        why = "Re-pointing /bin/sh changes the shell of every script in the image, the base image's included; "
                + "SHELL changes only the shell the Dockerfile's RUN instructions use.",
        bad = """
                FROM debian:bookworm-slim
                RUN ln -sf /bin/bash /bin/sh
                """,
        good = """
                FROM debian:bookworm-slim
                SHELL ["/bin/bash", "-o", "pipefail", "-c"]
                """,
        hadolint = "DL4005")
public final class SymlinkedShell extends Rule {

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("ln")) return; // reports only on these commands
        List<LintContext.RunCommand> found = ctx.runCommands("ln");
        for (int k = 0; k < found.size(); k++) {
            RunScript rs = found.get(k).script();
            SimpleCommand c = found.get(k).command();
            var args = c.args();
            if (args.isEmpty() || !args.get(args.size() - 1).literal().equals("/bin/sh")) continue;
            ctx.report(rs.span(c), "use SHELL [\"/bin/bash\", \"-c\"] instead of replacing /bin/sh");
        }
    }
}
