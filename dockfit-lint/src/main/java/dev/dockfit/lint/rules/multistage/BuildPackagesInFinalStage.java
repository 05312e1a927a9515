package dev.dockfit.lint.rules.multistage;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.BuildPackages;
import dev.dockfit.lint.support.Names;
import dev.dockfit.lint.support.RunScript;
import java.util.ArrayList;
import java.util.List;

@RuleDoc(id = "DF101", title = "Compilers or -dev packages installed in the final stage", severity = Severity.INFO,
        practice = Practice.MULTI_STAGE,
        why = "Compilers and development headers are only needed to build; shipped in the final image they add "
                + "hundreds of megabytes and tools an attacker can use. Install them in a build stage, or remove "
                + "them in the same RUN that installed them.",
        bad = """
                FROM python:3.13-slim
                RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\
                    && pip install --no-cache-dir psycopg2 && rm -rf /var/lib/apt/lists/*
                """,
        good = """
                FROM python:3.13-slim AS build
                RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\
                    && pip wheel --wheel-dir /wheels psycopg2

                FROM python:3.13-slim
                RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
                COPY --from=build /wheels /wheels
                RUN pip install --no-cache-dir /wheels/*
                """)
public final class BuildPackagesInFinalStage extends Rule {
    private static final String[] INSTALLERS = {"apt-get", "apt", "aptitude", "apk", "yum", "dnf", "microdnf",
        "zypper", "tdnf"};
    private static final Names INSTALLER_NAMES = Names.of(INSTALLERS);
    private static final Names APK_VERBS = Names.of("add");
    private static final Names VERBS = Names.of("install", "in");
    private static final Names VALUED = Names.of("-t", "--virtual", "--repository", "-X", "-o", "--option",
            "--setopt", "--enablerepo", "--disablerepo", "-c", "--config", "--target-release", "--releasever");

    @Override
    public void check(LintContext ctx) {
        Stage stage = ctx.model().finalStage().orElse(null);
        if (stage == null || !ctx.runsCommand(INSTALLERS) || BuildInFinalStage.finalStageProblem(ctx).isPresent()) return;
        List<Stage> chain = ctx.stageChain(stage);
        for (int i = 0; i < chain.size(); i++) {
            List<Instruction> runs = chain.get(i).all("RUN");
            for (int r = 0; r < runs.size(); r++) {
                List<RunScript> scripts = ctx.scripts(runs.get(r));
                for (int s = 0; s < scripts.size(); s++) check(ctx, runs.get(r), scripts.get(s));
            }
        }
    }

    private static void check(LintContext ctx, Instruction run, RunScript rs) {
        List<SimpleCommand> commands = rs.script().commands();
        BuildPackages.Removals removed = null; // worked out for a script that installs
        for (int k = 0; k < commands.size(); k++) {
            SimpleCommand c = commands.get(k);
            if (!INSTALLER_NAMES.contains(c.name())) continue;
            if (removed == null) removed = BuildPackages.removedBy(commands);
            List<ShellWord> packages = packages(c);
            if (packages.isEmpty()) continue;
            if (c.name().equals("apk") && c.flagValue("-t", "--virtual").map(removed::removes).orElse(false)) continue;
            ShellWord first = null;
            List<String> names = new ArrayList<>();
            for (int i = 0; i < packages.size(); i++) {
                ShellWord p = packages.get(i);
                if (p.isLiteral()) { // hot: most words are literal, no list of values to make
                    if (addBuildPackage(p.literal(), removed, names) && first == null) first = p;
                    continue;
                }
                List<String> values = expanded(ctx, run, p);
                for (int v = 0; v < values.size(); v++) {
                    if (addBuildPackage(values.get(v), removed, names) && first == null) first = p;
                }
            }
            if (first == null) continue;
            String list = names.size() <= 4 ? String.join(", ", names)
                    : String.join(", ", names.subList(0, 4)) + " and " + (names.size() - 4) + " more";
            ctx.report(rs.span(first), "the final image keeps build packages (" + list + "): install them "
                    + "in a build stage, or remove them in this RUN after use");
        }
    }

    /** Adds the package's name to {@code names} when it is a build package left installed and new; true then. */
    private static boolean addBuildPackage(String pkg, BuildPackages.Removals removed, List<String> names) {
        String name = BuildPackages.baseName(pkg);
        if (!BuildPackages.isBuildPackage(name) || removed.removes(name) || names.contains(name)) return false;
        names.add(name);
        return true;
    }

    /** The package names a non-literal word stands for: the ARG/ENV it expands to ({@code $BUILD_DEPS}), split. */
    private static List<String> expanded(LintContext ctx, Instruction run, ShellWord w) {
        var e = ctx.model().expand(run, w.raw());
        if (e.isEmpty() || !e.get().unset().isEmpty()) return List.of();
        return List.of(e.get().value().strip().split("\\s+"));
    }

    /** The packages an install command names (after install/add/in), flags and flag values left out. */
    private static List<ShellWord> packages(SimpleCommand c) {
        Names verbs = c.name().equals("apk") ? APK_VERBS : VERBS;
        List<ShellWord> args = c.args();
        int start = -1;
        for (int i = 0; i < args.size(); i++) {
            if (verbs.contains(args.get(i).literal())) {
                start = i + 1;
                break;
            }
        }
        if (start < 0) return List.of();
        List<ShellWord> out = new ArrayList<>();
        for (int i = start; i < args.size(); i++) {
            String a = args.get(i).literal();
            if (a.startsWith("-")) {
                if (VALUED.contains(a)) i++;
                continue;
            }
            out.add(args.get(i));
        }
        return out;
    }
}
