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

@RuleDoc(id = "DF313", title = "npm package version not pinned (opt-in)", severity = Severity.WARNING,
        practice = Practice.LAYER_CACHE,
        why = "A cached 'npm install -g pm2' layer keeps the version it got first; a rebuild without the cache gets "
                + "another. Pin packages named on the command line (those from package.json are locked by "
                + "package-lock.json).",
        bad = """
                FROM node:20-slim
                RUN npm install -g pm2 && npm cache clean --force
                """,
        good = """
                FROM node:20-slim
                RUN npm install -g pm2@5.4.2 && npm cache clean --force
                """,
        hadolint = "DL3016", enabledByDefault = false)
public final class NpmPackageNotPinned extends Rule {
    private static final Set<String> WITH_VALUE = Set.of("--prefix", "--registry", "--cache", "--tag",
            "--workspace", "-w", "--omit", "--include");

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("npm")) return; // reports only on these commands
        List<LintContext.RunCommand> found = ctx.runCommands("npm");
        for (int k = 0; k < found.size(); k++) {
            RunScript rs = found.get(k).script();
            SimpleCommand c = found.get(k).command();
            for (ShellWord p : CommandOperands.after(c, Set.of("install", "i", "add"), WITH_VALUE)) {
                String l = p.literal();
                if (!p.isLiteral() || pinnedOrNotARegistryName(l)) continue;
                ctx.report(rs.span(p), "pin " + l + " to a version (" + l + "@<version>)");
            }
        }
    }

    /** {@code pkg@1.2}, {@code @scope/pkg@1.2}; paths, URLs, git and tarballs name their own version. */
    private static boolean pinnedOrNotARegistryName(String spec) {
        String name = spec.startsWith("@") ? spec.substring(1) : spec;
        if (name.contains("@")) return true;
        return spec.startsWith(".") || spec.startsWith("/") || spec.contains(":") || spec.endsWith(".tgz")
                || spec.endsWith(".tar.gz") || !spec.startsWith("@") && spec.contains("/");
    }
}
