package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.Names;
import dev.dockfit.lint.support.PackageCommands;
import dev.dockfit.lint.support.RunScript;
import java.util.List;

@RuleDoc(id = "DF620", title = "dist-upgrade in RUN", severity = Severity.WARNING, practice = Practice.CORRECTNESS,
        why = "dist-upgrade may install and remove packages to follow dependency changes, and zypper dup can move "
                + "to a new release: the image drifts away from its base image. Use a newer base image instead.",
        bad = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get dist-upgrade -y && rm -rf /var/lib/apt/lists/*
                """,
        good = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*
                """,
        hadolint = "DL3035", trivy = "DS-0024")
public final class DistUpgrade extends Rule {
    /** Varargs arguments made once (C1 allocates each call's array). */
    private static final String[] MANAGERS = {"apt-get", "apt", "zypper"};
    private static final Names DIST = Names.of("dist-upgrade", "full-upgrade", "dup");

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand(MANAGERS)) return; // reports only on these commands
        List<LintContext.RunCommand> found = ctx.runCommands(MANAGERS);
        for (int k = 0; k < found.size(); k++) {
            RunScript rs = found.get(k).script();
            SimpleCommand c = found.get(k).command();
            var sub = PackageCommands.subcommand(c);
            if (sub.isEmpty() || !DIST.contains(sub.get().literal())) continue;
            ctx.report(rs.span(sub.get()), c.name() + " " + sub.get().literal() + " changes the distribution "
                    + "under the base image: use a newer base image (or a plain upgrade)");
        }
    }
}
