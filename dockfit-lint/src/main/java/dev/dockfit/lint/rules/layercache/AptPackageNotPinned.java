package dev.dockfit.lint.rules.layercache;

import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.CommandOperands;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Set;

@RuleDoc(id = "DF310", title = "apt package version not pinned (opt-in)", severity = Severity.WARNING,
        practice = Practice.LAYER_CACHE,
        why = "A cached 'apt-get install curl' layer keeps whatever version it got first, and a rebuild without the "
                + "cache gets another one. Pinning makes the version part of the instruction. Opt-in: Debian and "
                + "Ubuntu archives drop old versions, so pins break builds when the archive moves on.",
        bad = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y --no-install-recommends curl \\
                    && rm -rf /var/lib/apt/lists/*
                """,
        good = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\
                    && rm -rf /var/lib/apt/lists/*
                """,
        hadolint = "DL3008", enabledByDefault = false)
public final class AptPackageNotPinned extends Rule {
    /** Varargs arguments made once (C1 allocates each call's array). */
    private static final String[] APT = {"apt-get", "apt"};
    private static final Set<String> INSTALL = Set.of("install");
    private static final Set<String> WITH_VALUE = Set.of("-o", "-c", "-t", "--target-release", "--option",
            "--config-file", "--default-release");

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand(APT)) return; // reports only on these commands
        List<LintContext.RunCommand> found = ctx.runCommands(APT);
        for (int k = 0; k < found.size(); k++) {
            RunScript rs = found.get(k).script();
            SimpleCommand c = found.get(k).command();
            for (ShellWord p : CommandOperands.after(c, INSTALL, WITH_VALUE)) {
                String l = p.literal();
                if (!p.isLiteral() || l.contains("=") || l.contains("/") || l.endsWith(".deb")) continue;
                ctx.report(rs.span(p), "pin " + l + " to a version (" + l + "=<version>)");
            }
        }
    }
}
