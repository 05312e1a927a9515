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

@RuleDoc(id = "DF314", title = "gem version not pinned (opt-in)", severity = Severity.WARNING,
        practice = Practice.LAYER_CACHE,
        why = "A cached 'gem install bundler' layer keeps the version it got first; a rebuild without the cache gets "
                + "another.",
        bad = """
                FROM ruby:3.3-slim
                RUN gem install bundler
                """,
        good = """
                FROM ruby:3.3-slim
                RUN gem install bundler:2.5.16
                """,
        hadolint = "DL3028", enabledByDefault = false)
public final class GemNotPinned extends Rule {
    private static final Set<String> WITH_VALUE = Set.of("-i", "--install-dir", "-n", "--bindir", "-s", "--source",
            "-p", "--http-proxy", "--platform", "--build-root");

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("gem")) return; // reports only on these commands
        List<LintContext.RunCommand> found = ctx.runCommands("gem");
        for (int k = 0; k < found.size(); k++) {
            RunScript rs = found.get(k).script();
            SimpleCommand c = found.get(k).command();
            if (c.hasFlag("-v", "--version")) continue;
            for (ShellWord p : CommandOperands.after(c, Set.of("install"), WITH_VALUE)) {
                String l = p.literal();
                if (!p.isLiteral() || l.contains(":") || l.endsWith(".gem") || l.contains("/")) continue;
                ctx.report(rs.span(p), "pin " + l + " to a version (" + l + ":<version>)");
            }
        }
    }
}
