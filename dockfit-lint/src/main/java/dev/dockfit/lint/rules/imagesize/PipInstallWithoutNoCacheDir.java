package dev.dockfit.lint.rules.imagesize;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.Mount;
import dev.dockfit.lint.support.PipCommand;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Set;

@RuleDoc(id = "DF403", title = "pip install without --no-cache-dir", severity = Severity.INFO,
        practice = Practice.IMAGE_SIZE,
        why = "pip keeps every downloaded wheel in ~/.cache/pip; in an image that cache is never reused and often "
                + "weighs as much as the packages themselves.",
        bad = """
                FROM python:3.12-slim
                COPY requirements.txt .
                RUN pip install -r requirements.txt
                """,
        good = """
                FROM python:3.12-slim
                COPY requirements.txt .
                RUN pip install --no-cache-dir -r requirements.txt
                """,
        hadolint = "DL3042")
public final class PipInstallWithoutNoCacheDir extends Rule {

    @Override
    public void check(LintContext ctx) {
        Set<Integer> shipped = ctx.shippedStages();
        List<Instruction> runs = ctx.instructions("RUN");
        for (int n = 0; n < runs.size(); n++) {
            Instruction run = runs.get(n);
            if (!shipped.contains(run.stage()) || !runsPipInstall(ctx, run)) continue;
            var scope = ctx.model().scopeBefore(run);
            if (disablesCache(scope.get("PIP_NO_CACHE_DIR"))) continue;
            String cacheDir = scope.get("PIP_CACHE_DIR");
            if (cacheDir != null && ctx.cacheMounted(run, cacheDir)) continue;
            if (anyCoversPipCache(ctx.mounts(run))) continue;
            List<LintContext.RunCommand> commands = ctx.commands(run);
            for (int k = 0; k < commands.size(); k++) {
                RunScript rs = commands.get(k).script();
                SimpleCommand c = commands.get(k).command();
                List<ShellWord> pipArgs = PipCommand.args(c);
                if (pipArgs.isEmpty() || !pipArgs.get(0).literal().equals("install")) continue;
                if (c.hasFlag("--no-cache-dir") || inlineDisables(c)) continue;
                ctx.report(rs.span(pipArgs.get(0)),
                        "add --no-cache-dir to pip install (or set ENV PIP_NO_CACHE_DIR=1)");
            }
        }
    }

    /** True when a script of the RUN runs pip install: only then are the variables and mounts worth looking up. */
    private static boolean runsPipInstall(LintContext ctx, Instruction run) {
        List<RunScript> scripts = ctx.scripts(run);
        for (int s = 0; s < scripts.size(); s++) {
            List<SimpleCommand> commands = scripts.get(s).script().commands();
            for (int k = 0; k < commands.size(); k++) {
                List<ShellWord> pipArgs = PipCommand.args(commands.get(k));
                if (!pipArgs.isEmpty() && pipArgs.get(0).literal().equals("install")) return true;
            }
        }
        return false;
    }

    /** pip reads PIP_NO_CACHE_DIR as a boolean: 1/true/yes/on disable the cache (and so does any other value). */
    private static boolean disablesCache(String value) {
        if (value == null || value.isEmpty()) return false;
        return !value.equalsIgnoreCase("false") && !value.equals("0") && !value.equalsIgnoreCase("no")
                && !value.equalsIgnoreCase("off");
    }

    private static boolean inlineDisables(SimpleCommand c) {
        for (ShellWord a : c.assignments()) {
            String l = a.literal();
            if (l.startsWith("PIP_NO_CACHE_DIR=") && disablesCache(l.substring(l.indexOf('=') + 1))) return true;
        }
        return false;
    }

    /** A cache or tmpfs mount on a pip cache (~/.cache/pip for any user, or ~/.cache). */
    /** Whether one of the RUN's mounts does (a loop: per RUN, and a stream pipeline costs much more on C1). */
    private static boolean anyCoversPipCache(List<Mount> mounts) {
        for (int i = 0; i < mounts.size(); i++) if (coversPipCache(mounts.get(i))) return true;
        return false;
    }

    private static boolean coversPipCache(Mount m) {
        if (m.target() == null || !(m.type().equals("cache") || m.type().equals("tmpfs"))) return false;
        String t = m.target().endsWith("/") ? m.target().substring(0, m.target().length() - 1) : m.target();
        return t.endsWith("/.cache/pip") || t.endsWith("/.cache") || t.equals("/root/.cache/pip");
    }
}
