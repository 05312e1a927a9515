package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;
import java.util.List;

@RuleDoc(id = "DF709", title = "wget without a progress option", severity = Severity.INFO,
        practice = Practice.MAINTAINABILITY,
        why = "Without a terminal wget prints its progress as thousands of dot lines that bury the build log.",
        bad = """
                FROM debian:bookworm-slim
                RUN wget https://example.com/tool.tar.gz
                """,
        good = """
                FROM debian:bookworm-slim
                RUN wget --progress=dot:giga https://example.com/tool.tar.gz
                """,
        hadolint = "DL3047")
public final class WgetWithoutProgressOption extends Rule {

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("wget")) return; // reports only on these commands
        List<LintContext.RunCommand> found = ctx.runCommands("wget");
        for (int k = 0; k < found.size(); k++) {
            RunScript rs = found.get(k).script();
            SimpleCommand c = found.get(k).command();
            if (c.hasFlag("--progress", "-q", "--quiet", "-nv", "--no-verbose", "-o", "--output-file",
                    "-a", "--append-output", "--help", "-h", "--version", "-V")) continue;
            ctx.report(rs.span(c.words().get(0)), "add --progress=dot:giga (or -q / -nv) to wget to keep "
                    + "the build log readable");
        }
    }
}
