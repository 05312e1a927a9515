package dev.dockfit.lint.rules.imagesize;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.CommandWords;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Set;

@RuleDoc(id = "DF402", title = "apk add without --no-cache", severity = Severity.INFO,
        practice = Practice.IMAGE_SIZE,
        why = "Without --no-cache apk keeps the package index in /var/cache/apk, a few megabytes in the layer "
                + "for nothing.",
        bad = """
                FROM alpine:3.20
                RUN apk update && apk add curl
                """,
        good = """
                FROM alpine:3.20
                RUN apk add --no-cache curl
                """,
        hadolint = "DL3019", trivy = "DS-0025")
public final class ApkAddWithoutNoCache extends Rule {
    private static final String CACHE = "/var/cache/apk";
    /** Varargs arguments made once, not per command (C1 allocates each call's array). */
    private static final String[] OFFLINE_FLAGS = {"--no-cache", "--no-network"};
    private static final String[] CLEANERS = {"rm", "apk"};
    private static final String[] CLEAN_VERBS = {"clean", "purge"};

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("apk")) return; // reports only on these commands
        Set<Integer> shipped = ctx.shippedStages();
        List<Instruction> runs = ctx.instructions("RUN");
        for (int n = 0; n < runs.size(); n++) {
            Instruction run = runs.get(n);
            if (!shipped.contains(run.stage()) || ctx.cacheMounted(run, CACHE)) continue;
            if (cleansCache(ctx, run)) continue;
            List<RunScript> scripts = ctx.scripts(run);
            for (int s = 0; s < scripts.size(); s++) {
                RunScript rs = scripts.get(s);
                List<SimpleCommand> apks = rs.script().commandsNamed("apk");
                for (int k = 0; k < apks.size(); k++) {
                    SimpleCommand c = apks.get(k);
                    if (!c.hasArg("add") || c.hasFlag(OFFLINE_FLAGS)) continue;
                    ctx.report(rs.span(CommandWords.argOrName(c, "add"::equals)),
                            "use 'apk add --no-cache' so the package index is not kept in the image");
                }
            }
        }
    }

    /** {@code rm -rf /var/cache/apk/*} or {@code apk cache clean} in the same RUN. */
    private static boolean cleansCache(LintContext ctx, Instruction run) {
        List<RunScript> scripts = ctx.scripts(run);
        for (int s = 0; s < scripts.size(); s++) {
            List<SimpleCommand> commands = scripts.get(s).script().commandsNamed(CLEANERS);
            for (int k = 0; k < commands.size(); k++) {
                SimpleCommand c = commands.get(k);
                if (c.name().equals("rm") && CommandWords.anyArgStartsWith(c, CACHE)) return true;
                if (c.name().equals("apk") && c.hasArg("cache") && c.hasArg(CLEAN_VERBS)) return true;
            }
        }
        return false;
    }
}
