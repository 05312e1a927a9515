package dev.dockfit.lint.rules.imagesize;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.Mount;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Set;

@RuleDoc(id = "DF404", title = "npm or yarn cache left in the image", severity = Severity.INFO,
        practice = Practice.IMAGE_SIZE,
        why = "npm (~/.npm) and yarn (/usr/local/share/.cache/yarn) keep a copy of every package they download; "
                + "in a shipped stage that cache doubles the size of node_modules.",
        bad = """
                FROM node:20-slim
                WORKDIR /app
                COPY package.json yarn.lock ./
                RUN yarn install --frozen-lockfile
                """,
        good = """
                FROM node:20-slim
                WORKDIR /app
                COPY package.json yarn.lock ./
                RUN yarn install --frozen-lockfile && yarn cache clean
                """,
        hadolint = "DL3060")
public final class NodeCacheNotCleaned extends Rule {
    private static final String[] CACHE_FLAGS = {"--cache", "--cache-folder"};

    private static final Set<String> NPM_INSTALLS = Set.of("install", "i", "ci", "add", "update");
    private static final Set<String> YARN_INSTALLS = Set.of("install", "add", "global", "upgrade");

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("npm", "yarn")) return; // reports only on these commands
        Set<Integer> shipped = ctx.shippedStages();
        List<Instruction> runs = ctx.instructions("RUN");
        for (int n = 0; n < runs.size(); n++) {
            Instruction run = runs.get(n);
            if (!shipped.contains(run.stage())) continue;
            if (anyCoversNodeCache(ctx.mounts(run))) continue;
            List<RunScript> scripts = ctx.scripts(run);
            for (int s = 0; s < scripts.size(); s++) {
                RunScript rs = scripts.get(s);
                boolean npmCleaned = false;
                boolean yarnCleaned = false;
                List<SimpleCommand> commands = rs.script().commands();
                for (int k = 0; k < commands.size(); k++) {
                    SimpleCommand c = commands.get(k);
                    if (c.name().equals("npm") && c.hasArg("cache") && c.hasArg("clean", "clear")) npmCleaned = true;
                    if (c.name().equals("yarn") && c.hasArg("cache") && c.hasArg("clean")) yarnCleaned = true;
                    if (c.name().equals("rm")) {
                        for (String a : c.argLiterals()) {
                            if (a.endsWith("/.npm") || a.contains("/.npm/") || a.endsWith(".npm/_cacache")) {
                                npmCleaned = true;
                            }
                            if (a.contains(".cache/yarn")) yarnCleaned = true;
                        }
                    }
                }
                for (int k = 0; k < commands.size(); k++) {
                    SimpleCommand c = commands.get(k);
                    // only npm and yarn are reported: other commands are not asked for flags (no varargs array)
                    boolean node = c.name().equals("npm") || c.name().equals("yarn");
                    if (!node || c.hasFlag(CACHE_FLAGS)) continue;
                    if (c.name().equals("npm") && !npmCleaned && isNpmInstall(c)) {
                        ctx.report(rs.span(c.words().get(0)),
                                "add '&& npm cache clean --force' to this RUN, or mount a cache on /root/.npm");
                    } else if (c.name().equals("yarn") && !yarnCleaned && isYarnInstall(c)) {
                        ctx.report(rs.span(c.words().get(0)),
                                "add '&& yarn cache clean' to this RUN, or mount a cache on the yarn cache folder");
                    }
                }
            }
        }
    }

    private static boolean isNpmInstall(SimpleCommand c) {
        return !c.args().isEmpty() && NPM_INSTALLS.contains(c.args().get(0).literal());
    }

    /** {@code yarn}, {@code yarn install}, {@code yarn add}, {@code yarn global add}. */
    private static boolean isYarnInstall(SimpleCommand c) {
        if (c.hasFlag("--version", "-v", "--help", "-h")) return false;
        var first = c.args().stream().map(w -> w.literal()).filter(a -> !a.startsWith("-")).findFirst();
        return first.isEmpty() || YARN_INSTALLS.contains(first.get());
    }

    /** Whether one of the RUN's mounts does (a loop: per RUN, and a stream pipeline costs much more on C1). */
    private static boolean anyCoversNodeCache(List<Mount> mounts) {
        for (int i = 0; i < mounts.size(); i++) if (coversNodeCache(mounts.get(i))) return true;
        return false;
    }

    private static boolean coversNodeCache(Mount m) {
        if (m.target() == null || !(m.type().equals("cache") || m.type().equals("tmpfs"))) return false;
        String t = m.target().endsWith("/") ? m.target().substring(0, m.target().length() - 1) : m.target();
        return t.endsWith("/.npm") || t.endsWith(".cache/yarn") || t.endsWith("/.yarn") || t.endsWith("/.cache")
                || t.endsWith("/.yarn/cache") || t.endsWith("/yarn-cache") || t.endsWith("/npm-cache");
    }
}
