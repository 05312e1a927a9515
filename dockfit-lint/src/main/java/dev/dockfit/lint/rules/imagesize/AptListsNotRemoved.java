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

@RuleDoc(id = "DF401", title = "apt lists not removed in the RUN that downloads them", severity = Severity.INFO,
        practice = Practice.IMAGE_SIZE,
        why = "apt-get update writes tens of megabytes of package lists to /var/lib/apt/lists; unless the same "
                + "RUN deletes them they stay in that layer for good, even if a later RUN removes them.",
        bad = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y --no-install-recommends curl
                """,
        good = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y --no-install-recommends curl \\
                    && rm -rf /var/lib/apt/lists/*
                """,
        hadolint = "DL3009")
public final class AptListsNotRemoved extends Rule {
    static final String LISTS = "/var/lib/apt/lists";
    /** Varargs arguments of commandsNamed made once (C1 allocates each call's array). */
    private static final String[] APT = {"apt-get", "apt"};
    private static final String[] REMOVERS = {"rm", "find"};

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand(APT)) return; // reports only on these commands
        Set<Integer> shipped = ctx.shippedStages();
        List<Instruction> runs = ctx.instructions("RUN");
        for (int n = 0; n < runs.size(); n++) {
            Instruction run = runs.get(n);
            if (!shipped.contains(run.stage()) || ctx.cacheMounted(run, LISTS)) continue;
            if (removesLists(ctx, run)) continue;
            List<RunScript> scripts = ctx.scripts(run);
            for (int s = 0; s < scripts.size(); s++) {
                RunScript rs = scripts.get(s);
                List<SimpleCommand> apts = rs.script().commandsNamed(APT);
                for (int k = 0; k < apts.size(); k++) {
                    SimpleCommand c = apts.get(k);
                    if (!c.hasArg("update")) continue;
                    ctx.report(rs.span(CommandWords.argOrName(c, "update"::equals)),
                            "add '&& rm -rf /var/lib/apt/lists/*' at the end of this RUN (or mount a cache on "
                                    + LISTS + ")");
                }
            }
        }
    }

    /** An {@code rm} (or {@code find ... -delete}, {@code apt-get dist-clean}) of the lists anywhere in the RUN. */
    static boolean removesLists(LintContext ctx, Instruction run) {
        List<RunScript> scripts = ctx.scripts(run);
        for (int s = 0; s < scripts.size(); s++) {
            List<SimpleCommand> apts = scripts.get(s).script().commandsNamed(APT);
            for (int k = 0; k < apts.size(); k++) if (apts.get(k).hasArg("dist-clean")) return true;
            List<SimpleCommand> removers = scripts.get(s).script().commandsNamed(REMOVERS);
            for (int k = 0; k < removers.size(); k++) {
                if (CommandWords.anyArgStartsWith(removers.get(k), LISTS)) return true;
            }
        }
        return false;
    }
}
