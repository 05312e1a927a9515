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
public final class ApkAddWithoutNoCache implements Rule {
    private static final String CACHE = "/var/cache/apk";

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("apk")) return; // reports only on these commands
        Set<Integer> shipped = ctx.shippedStages();
        List<Instruction> all = ctx.instructions();
        for (int n = 0; n < all.size(); n++) {
            Instruction run = all.get(n);
            if (!run.is("RUN") || !shipped.contains(run.stage()) || ctx.cacheMounted(run, CACHE)) continue;
            if (cleansCache(ctx, run)) continue;
            for (RunScript rs : ctx.scripts(run)) {
                for (SimpleCommand c : rs.script().commandsNamed("apk")) {
                    if (!c.hasArg("add") || c.hasFlag("--no-cache", "--no-network")) continue;
                    ctx.report(rs.span(CommandWords.argOrName(c, "add"::equals)),
                            "use 'apk add --no-cache' so the package index is not kept in the image");
                }
            }
        }
    }

    /** {@code rm -rf /var/cache/apk/*} or {@code apk cache clean} in the same RUN. */
    private static boolean cleansCache(LintContext ctx, Instruction run) {
        for (RunScript rs : ctx.scripts(run)) {
            for (SimpleCommand c : rs.script().commandsNamed("rm", "apk")) {
                if (c.name().equals("rm") && c.argLiterals().stream().anyMatch(a -> a.startsWith(CACHE))) return true;
                if (c.name().equals("apk") && c.hasArg("cache") && c.hasArg("clean", "purge")) return true;
            }
        }
        return false;
    }
}
