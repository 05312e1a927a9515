package dev.dockfit.lint.rules.imagesize;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;
import dev.dockfit.lint.support.ShippedStages;
import java.util.Set;

@RuleDoc(id = "DF400", title = "apt-get install without --no-install-recommends", severity = Severity.INFO,
        practice = Practice.IMAGE_SIZE,
        why = "Recommended packages are not needed to run the software you asked for, and often double the size "
                + "of the layer. Only stages whose filesystem ships are checked.",
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
        Set<Integer> shipped = ShippedStages.of(ctx.model());
        for (Instruction run : ctx.instructions()) {
            if (!run.is("RUN") || !shipped.contains(run.stage())) continue;
            for (RunScript rs : ctx.scripts(run)) {
                for (SimpleCommand c : rs.script().commandsNamed("apt-get", "apt")) {
                    if (!c.hasArg("install") || c.hasFlag("--no-install-recommends")) continue;
                    if (c.argLiterals().stream().anyMatch(a -> a.contains("Install-Recommends=false")
                            || a.contains("Install-Recommends=0"))) continue;
                    ctx.report(rs.span(c.words().get(0)),
                            "add --no-install-recommends to " + c.name()
                                    + " install to skip recommended packages");
                }
            }
        }
    }
}
