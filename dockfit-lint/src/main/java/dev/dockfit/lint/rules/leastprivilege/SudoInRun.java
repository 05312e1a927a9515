package dev.dockfit.lint.rules.leastprivilege;

import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;
import java.util.List;

@RuleDoc(id = "DF003", title = "sudo in RUN", severity = Severity.WARNING, practice = Practice.LEAST_PRIVILEGE,
        why = "sudo in a build needs sudo installed and a sudoers entry in the image, which any process of the "
                + "container can then use to become root; its TTY and environment handling is also unpredictable. "
                + "Switch users with USER instead.",
        bad = """
                FROM debian:bookworm-slim
                RUN useradd -r app
                USER app
                RUN sudo apt-get update
                """,
        good = """
                FROM debian:bookworm-slim
                RUN apt-get update && useradd -r app
                USER app
                """,
        hadolint = "DL3004")
public final class SudoInRun extends Rule {

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("sudo")) return; // reports only on these commands
        List<LintContext.RunCommand> found = ctx.runCommands("sudo");
        for (int k = 0; k < found.size(); k++) {
            RunScript rs = found.get(k).script();
            SimpleCommand c = found.get(k).command();
            ctx.report(rs.span(c.words().get(0)),
                    "do not use sudo: run the step after USER root and switch back with USER afterwards");
        }
    }
}
