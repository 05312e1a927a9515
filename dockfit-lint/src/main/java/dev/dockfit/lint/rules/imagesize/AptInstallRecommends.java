package dev.dockfit.lint.rules.imagesize;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Set;

@RuleDoc(id = "DF400", title = "apt-get install without --no-install-recommends", severity = Severity.INFO,
        practice = Practice.IMAGE_SIZE,
        why = "Recommended packages are not needed to run the software you asked for, and often double the size "
                + "of the layer. Only stages whose filesystem ships are checked.",
        bad = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
                """,
        good = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
                """,
        hadolint = "DL3015", trivy = "DS-0029")
public final class AptInstallRecommends implements Rule {

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("apt-get", "apt")) return; // reports only on these commands
        Set<Integer> shipped = ctx.shippedStages();
        Set<Integer> configured = new java.util.HashSet<>();
        List<Instruction> all = ctx.instructions();
        for (int n = 0; n < all.size(); n++) {
            Instruction run = all.get(n);
            if (!run.is("RUN") || !shipped.contains(run.stage())) continue;
            if (configured.contains(run.stage()) || inheritsConfig(ctx, run, configured)) continue;
            for (RunScript rs : ctx.scripts(run)) {
                for (SimpleCommand c : rs.script().commands()) {
                    if (turnsRecommendsOff(c)) configured.add(run.stage());
                }
                for (SimpleCommand c : rs.script().commandsNamed("apt-get", "apt")) {
                    if (!c.hasArg("install") || c.hasFlag("--no-install-recommends")) continue;
                    if (c.argLiterals().stream().anyMatch(a -> a.contains("Install-Recommends=false")
                            || a.contains("Install-Recommends=0"))) continue;
                    ctx.report(rs.span(c.words().get(0)),
                            "add --no-install-recommends to " + c.name()
                                    + " install to skip recommended packages");
                }
            }
        }
    }

    /** {@code echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/...}: apt's own setting, off. */
    private static boolean turnsRecommendsOff(SimpleCommand c) {
        if (!(c.name().equals("echo") || c.name().equals("printf") || c.name().equals("tee"))) return false;
        for (String a : c.argLiterals()) {
            String v = a.toLowerCase(java.util.Locale.ROOT).replace("\"", "").replace("'", "");
            if (v.contains("install-recommends") && (v.contains("false") || v.contains(" 0"))) return true;
        }
        return false;
    }

    /** A stage this one builds FROM already turned recommends off. */
    private static boolean inheritsConfig(LintContext ctx, Instruction run, Set<Integer> configured) {
        return ctx.model().stageOf(run)
                .map(s -> ctx.stageChain(s).stream().anyMatch(p -> configured.contains(p.index())))
                .orElse(false);
    }
}
