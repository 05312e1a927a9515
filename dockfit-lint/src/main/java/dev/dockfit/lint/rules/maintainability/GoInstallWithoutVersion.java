package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.PackageCommands;
import dev.dockfit.lint.support.RunScript;
import java.util.List;

@RuleDoc(id = "DF715", title = "go install without a pinned version", severity = Severity.WARNING,
        practice = Practice.MAINTAINABILITY,
        why = "go install pkg@latest (or @master) builds whatever was released last: rebuilds change "
                + "silently. Opt-in, like other version pinning.",
        bad = """
                FROM golang:1.23
                RUN go install golang.org/x/tools/gopls@latest
                """,
        good = """
                FROM golang:1.23
                RUN go install golang.org/x/tools/gopls@v0.16.2
                """,
        hadolint = "DL3062", enabledByDefault = false)
public final class GoInstallWithoutVersion extends Rule {
    private static final java.util.Set<String> MOVING = java.util.Set.of("latest", "master", "main", "HEAD");

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("go")) return; // reports only on these commands
        List<LintContext.RunCommand> found = ctx.runCommands("go");
        for (int k = 0; k < found.size(); k++) {
            RunScript rs = found.get(k).script();
            SimpleCommand c = found.get(k).command();
            if (!PackageCommands.subcommandIn(c, java.util.Set.of("install"))) continue;
            for (ShellWord w : c.argsAfter("install")) {
                String p = w.literal();
                if (p.startsWith("-") || p.startsWith(".") || p.startsWith("/") || !p.contains(".")) continue;
                int at = p.lastIndexOf('@');
                // no @: the version comes from go.mod (outside a module go install refuses it)
                if (at < 0 || !MOVING.contains(p.substring(at + 1))) continue;
                ctx.report(rs.span(w), "pin " + p.substring(0, at) + " to a release: "
                        + p.substring(0, at) + "@vX.Y.Z instead of @" + p.substring(at + 1));
            }
        }
    }
}
