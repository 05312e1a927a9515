package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.PackageCommands;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

@RuleDoc(id = "DF618", title = "apt-get without -y", severity = Severity.WARNING,
        practice = Practice.CORRECTNESS,
        why = "apt-get asks for confirmation before installing or removing packages; with no terminal the answer "
                + "is no and the build fails (or, with a pipe, behaves unpredictably).",
        bad = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
                """,
        good = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
                """,
        hadolint = "DL3014", trivy = "DS-0021")
public final class AptGetWithoutYes extends Rule {
    private static final Pattern DOUBLE_Q = Pattern.compile("-[a-zA-Z]*q[a-zA-Z]*q[a-zA-Z]*");
    private static final Set<String> PROMPTING = Set.of("install", "upgrade", "dist-upgrade", "full-upgrade",
            "remove", "purge", "autoremove", "build-dep");

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("apt-get")) return; // reports only on these commands
        List<LintContext.RunCommand> found = ctx.runCommands("apt-get");
        for (int k = 0; k < found.size(); k++) {
            RunScript rs = found.get(k).script();
            SimpleCommand c = found.get(k).command();
            if (!PackageCommands.subcommandIn(c, PROMPTING) || assumesYes(c)) continue;
            String sub = PackageCommands.subcommand(c).orElseThrow().literal();
            ctx.report(rs.span(c.words().get(0)), "add -y to apt-get " + sub
                    + ": the build cannot answer its prompt");
        }
    }

    /** -y, --yes, --assume-yes, -qq / -q=2 (which imply -y), or -o APT::Get::Assume-Yes=true. */
    static boolean assumesYes(SimpleCommand c) {
        if (c.hasFlag("-y", "--yes", "--assume-yes", "--force-yes", "-q=2", "--quiet=2")) return true;
        for (String a : c.argLiterals()) {
            if (DOUBLE_Q.matcher(a).matches()) return true;
            if (a.toLowerCase(java.util.Locale.ROOT).contains("assume-yes=true")) return true;
        }
        return false;
    }
}
