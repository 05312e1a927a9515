package dev.dockfit.lint.rules.imagesize;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Optional;
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
public final class AptInstallRecommends extends Rule {
    /** The varargs array of runsCommand and commandsNamed, made once (C1 allocates one per call). */
    private static final String[] APT = {"apt-get", "apt"};

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand(APT)) return; // reports only on these commands
        Set<Integer> shipped = ctx.shippedStages();
        Set<Integer> configured = new java.util.HashSet<>();
        List<Instruction> runs = ctx.instructions("RUN");
        for (int n = 0; n < runs.size(); n++) {
            Instruction run = runs.get(n);
            if (!shipped.contains(run.stage())) continue;
            if (configured.contains(run.stage()) || inheritsConfig(ctx, run, configured)) continue;
            List<RunScript> scripts = ctx.scripts(run);
            for (int s = 0; s < scripts.size(); s++) {
                RunScript rs = scripts.get(s);
                List<SimpleCommand> commands = rs.script().commands();
                for (int k = 0; k < commands.size(); k++) {
                    if (turnsRecommendsOff(commands.get(k))) configured.add(run.stage());
                }
                List<SimpleCommand> apts = rs.script().commandsNamed(APT);
                for (int k = 0; k < apts.size(); k++) {
                    SimpleCommand c = apts.get(k);
                    if (!c.hasArg("install") || c.hasFlag("--no-install-recommends")) continue;
                    if (setsRecommendsOff(c.argLiterals())) continue;
                    ctx.report(rs.span(c.words().get(0)),
                            "add --no-install-recommends to " + c.name()
                                    + " install to skip recommended packages");
                }
            }
        }
    }

    /** {@code -o APT::Install-Recommends=false} (or {@code =0}) among the arguments. */
    private static boolean setsRecommendsOff(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.contains("Install-Recommends=false") || a.contains("Install-Recommends=0")) return true;
        }
        return false;
    }

    /** {@code echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/...}: apt's own setting, off. */
    private static boolean turnsRecommendsOff(SimpleCommand c) {
        if (!(c.name().equals("echo") || c.name().equals("printf") || c.name().equals("tee"))) return false;
        List<String> args = c.argLiterals();
        for (int i = 0; i < args.size(); i++) {
            // "install-recommends" needs a '-', which neither lower-casing nor removing quotes makes: a quick no
            if (args.get(i).indexOf('-') < 0) continue;
            String v = args.get(i).toLowerCase(java.util.Locale.ROOT).replace("\"", "").replace("'", "");
            if (v.contains("install-recommends") && (v.contains("false") || v.contains(" 0"))) return true;
        }
        return false;
    }

    /** A stage this one builds FROM already turned recommends off. */
    private static boolean inheritsConfig(LintContext ctx, Instruction run, Set<Integer> configured) {
        // hot: asked per RUN; no Optional chain, lambdas or stream
        Optional<Stage> stage = ctx.model().stageOf(run);
        if (stage.isEmpty()) return false;
        List<Stage> chain = ctx.stageChain(stage.get());
        for (int i = 0; i < chain.size(); i++) if (configured.contains(chain.get(i).index())) return true;
        return false;
    }
}
