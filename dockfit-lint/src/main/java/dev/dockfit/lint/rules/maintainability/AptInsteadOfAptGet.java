package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;
import java.util.List;

@RuleDoc(id = "DF705", title = "apt instead of apt-get", severity = Severity.WARNING,
        practice = Practice.MAINTAINABILITY,
        why = "apt is meant for people at a terminal: its output and behaviour may change between releases and "
                + "it warns that its interface is not stable for scripts. apt-get is.",
        bad = """
                FROM debian:bookworm-slim
                RUN apt update && apt install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
                """,
        good = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
                """,
        hadolint = "DL3027")
public final class AptInsteadOfAptGet extends Rule {

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("apt")) return; // reports only on these commands
        List<LintContext.RunCommand> found = ctx.runCommands("apt");
        for (int k = 0; k < found.size(); k++) {
            RunScript rs = found.get(k).script();
            SimpleCommand c = found.get(k).command();
            ctx.report(rs.span(c.words().get(0)), "use apt-get (or apt-cache) in scripts: apt has no "
                    + "stable command-line interface");
        }
    }
}
