package dev.dockfit.lint.rules.layercache;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@RuleDoc(id = "DF300", title = "Whole source copied before the dependency install", severity = Severity.WARNING,
        practice = Practice.LAYER_CACHE,
        why = "After COPY . every later RUN is rebuilt whenever any source file changes, so the dependency "
                + "install runs again on every edit. Copy only the manifests and lock files, install, then copy "
                + "the rest: the install stays cached until the dependencies change.",
        bad = """
                FROM node:20-slim
                WORKDIR /app
                COPY . .
                RUN npm ci
                CMD ["node", "server.js"]
                """,
        good = """
                FROM node:20-slim
                WORKDIR /app
                COPY package.json package-lock.json ./
                RUN npm ci
                COPY . .
                CMD ["node", "server.js"]
                """)
public final class BroadCopyBeforeDependencyInstall extends Rule {

    @Override
    public void check(LintContext ctx) {
        for (Stage stage : ctx.model().stages()) {
            List<Instruction> instructions = stage.instructions();
            int broadAt = firstBroadCopy(ctx, instructions);
            if (broadAt < 0) continue; // nothing to report: skip the dependency installs of the stage's lineage
            Instruction broad = instructions.get(broadAt);
            Set<DependencyInstall> installedBefore = installedInAncestors(ctx, stage);
            Set<DependencyInstall> reported = EnumSet.noneOf(DependencyInstall.class);
            for (int i = 0; i < instructions.size(); i++) {
                Instruction in = instructions.get(i);
                if (i == broadAt || !in.is("RUN")) continue;
                for (DependencyInstall.Found f : DependencyInstall.in(ctx, in)) {
                    SimpleCommand c = f.command();
                    DependencyInstall dep = f.install();
                    if (i < broadAt) {
                        installedBefore.add(dep);
                    } else if (!installedBefore.contains(dep) && reported.add(dep)) {
                        int line = ctx.file().range(broad.keywordSpan()).start().line();
                        ctx.report(f.script().span(c.words().get(0)), "'" + c.name() + verb(c) + "' fetches " + dep.label
                                + " dependencies again on every source change (" + broad.keyword() + " "
                                + BroadCopy.broadSource(ctx, broad).map(x -> x.value()).orElse(".") + " at line "
                                + line + "): copy "
                                + dep.manifests + " first, run " + dep.installFirst
                                + ", then copy the rest");
                    }
                }
            }
        }
    }

    /** The index of the first COPY/ADD of the whole build context, or -1. */
    private static int firstBroadCopy(LintContext ctx, List<Instruction> instructions) {
        for (int i = 0; i < instructions.size(); i++) if (BroadCopy.isBroad(ctx, instructions.get(i))) return i;
        return -1;
    }

    /** What the stages this one builds FROM installed: those dependencies are already in place. */
    private static Set<DependencyInstall> installedInAncestors(LintContext ctx, Stage stage) {
        Set<DependencyInstall> found = EnumSet.noneOf(DependencyInstall.class);
        var chain = ctx.stageChain(stage);
        for (Stage parent : chain.subList(1, chain.size())) {
            for (Instruction in : parent.all("RUN")) {
                for (DependencyInstall.Found f : DependencyInstall.in(ctx, in)) found.add(f.install());
            }
        }
        return found;
    }

    private static String verb(SimpleCommand c) {
        var verbs = c.argLiterals().stream().filter(a -> !a.startsWith("-")).limit(2).toList();
        if (verbs.isEmpty()) return "";
        boolean two = verbs.size() == 2 && (verbs.get(0).equals("mod") || verbs.get(0).equals("pip"));
        return " " + (two ? verbs.get(0) + " " + verbs.get(1) : verbs.get(0));
    }
}
