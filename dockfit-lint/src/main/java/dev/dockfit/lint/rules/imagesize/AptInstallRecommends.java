package dev.dockfit.lint.rules.imagesize;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;

@RuleDoc(id = "DF400", title = "apt-get install without --no-install-recommends", severity = Severity.INFO,
        practice = Practice.IMAGE_SIZE,
        why = "Recommended packages are not needed to run the software you asked for, and often double the size "
                + "of the layer.",
        bad = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
                """,
        good = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
                """,
        hadolint = "DL3015", trivy = "DS-0029")
public final class AptInstallRecommends implements Rule {

    @Override
    public void check(LintContext ctx) {
        for (Instruction run : ctx.instructions()) {
            if (!run.is("RUN")) continue;
            for (RunScript rs : ctx.scripts(run)) {
                for (SimpleCommand c : rs.script().commandsNamed("apt-get")) {
                    if (!c.hasArg("install") || c.hasFlag("--no-install-recommends")) continue;
                    if (c.argLiterals().stream().anyMatch(a -> a.contains("Install-Recommends=false"))) continue;
                    ctx.report(rs.span(c.words().get(0)),
                            "add --no-install-recommends to apt-get install to skip recommended packages");
                }
            }
        }
    }
}
