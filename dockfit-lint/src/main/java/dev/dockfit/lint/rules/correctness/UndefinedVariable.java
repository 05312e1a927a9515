package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Flag;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.semantic.Scope;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.Names;
import dev.dockfit.lint.support.Spelling;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleDoc(id = "DF615", title = "Variable used where it is not defined", severity = Severity.WARNING,
        practice = Practice.CORRECTNESS,
        why = "The build replaces an undefined variable with nothing, silently. The usual cause is a global ARG "
                + "(declared before FROM) used inside a stage without declaring it again there, or a typo. "
                + "Variables the base image may define are not reported unless the Dockerfile itself declares "
                + "the name elsewhere or a declared name is one typo away.",
        bad = """
                ARG APP_VERSION=1.4.2
                FROM alpine:3.20
                LABEL org.opencontainers.image.version=${APP_VERSION}
                """,
        good = """
                ARG APP_VERSION=1.4.2
                FROM alpine:3.20
                ARG APP_VERSION
                LABEL org.opencontainers.image.version=${APP_VERSION}
                """,
        buildkit = "UndefinedVar")
public final class UndefinedVariable extends Rule {
    private static final Names EXPANDED = Names.of("ADD", "COPY", "ENV", "EXPOSE", "LABEL", "STOPSIGNAL",
            "USER", "VOLUME", "WORKDIR", "ARG");
    private static final Names EXPANDED_FLAGS = Names.of("from", "chown", "chmod");

    /** What a stage's words are judged against, worked out once per stage (and only for a stage using a variable). */
    private record StageNames(Set<String> inChain, boolean scratchRoot) {
    }

    @Override
    public void check(LintContext ctx) {
        Map<Integer, StageNames> byStage = null; // made for a file that uses a variable only
        List<Instruction> all = ctx.instructions();
        for (int n = 0; n < all.size(); n++) {
            Instruction i = all.get(n);
            if (!EXPANDED.contains(i.keyword()) || !mentionsVariable(i)) continue;
            Stage stage = ctx.model().stageOf(i).orElse(null);
            if (stage == null) continue; // global ARGs: FROM lines are another rule's business
            if (byStage == null) byStage = new HashMap<>();
            // get-then-put: no capturing lambda per instruction (C1 allocates each one)
            StageNames names = byStage.get(stage.index());
            if (names == null) {
                names = stageNames(ctx, stage);
                byStage.put(stage.index(), names);
            }
            Scope scope = ctx.model().scopeBefore(i);
            List<Flag> flags = i.flags();
            for (int k = 0; k < flags.size(); k++) {
                Flag f = flags.get(k);
                if (EXPANDED_FLAGS.contains(f.name()) && f.value() != null) {
                    checkWord(ctx, i, f.value(), f.span(), scope, names);
                }
            }
            List<Arg> args = i.args();
            boolean env = i.is("ENV");
            boolean arg = i.is("ARG");
            for (int k = 0; k < args.size(); k++) {
                Arg a = args.get(k);
                if (a.span() == null || a.value().startsWith("<<")) continue;
                if (env && k % 3 != 1) continue;
                String word = a.value();
                if (arg) {
                    int eq = word.indexOf('=');
                    if (eq < 0) continue;
                    word = word.substring(eq + 1);
                }
                checkWord(ctx, i, word, a.span(), scope, names);
            }
        }
    }

    /** True when a flag value or argument holds a {@code $}: only then is there anything to check. */
    private static boolean mentionsVariable(Instruction i) {
        List<Flag> flags = i.flags();
        for (int k = 0; k < flags.size(); k++) {
            if (flags.get(k).value() != null && flags.get(k).value().indexOf('$') >= 0) return true;
        }
        List<Arg> args = i.args();
        for (int k = 0; k < args.size(); k++) if (args.get(k).value().indexOf('$') >= 0) return true;
        return false;
    }

    /** Every name the global ARGs and the ARGs and ENVs of all stages declare. */
    private static Set<String> declaredAnywhere(LintContext ctx) {
        Set<String> names = new HashSet<>();
        addDeclaredNames(ctx.model().globalArgs(), names);
        List<Stage> stages = ctx.model().stages();
        for (int s = 0; s < stages.size(); s++) addDeclaredNames(stages.get(s).instructions(), names);
        return names;
    }

    private static StageNames stageNames(LintContext ctx, Stage stage) {
        return new StageNames(declaredInChain(ctx, stage), ctx.stageRoot(stage).base().isScratch());
    }

    private static void checkWord(LintContext ctx, Instruction at, String word, Span span, Scope scope,
                                  StageNames names) {
        if (word.indexOf('$') < 0) return;
        var e = ctx.model().expand(at, word);
        if (e.isEmpty()) return;
        for (String name : e.get().unset()) {
            // A name the stage chain declares anywhere (ENV PATH=$PATH:/x) may come from the base image.
            if (scope.isDeclared(name) || names.inChain().contains(name)) continue;
            Set<String> visible = new LinkedHashSet<>(scope.args().keySet());
            visible.addAll(scope.env().keySet());
            var typo = Spelling.nearest(name, visible);
            if (typo.isPresent()) {
                ctx.report(span, "$" + name + " is not defined: did you mean $" + typo.get() + "?");
            } else if (declaredAnywhere(ctx).contains(name)) { // not in the chain: so declared elsewhere in the file
                ctx.report(span, "$" + name + " is not defined in this stage: declare ARG " + name + " after FROM"
                        + " (ARGs before FROM and those of other stages are not visible here)");
            } else if (names.scratchRoot()) {
                ctx.report(span, "$" + name + " is not defined: declare it with ARG or ENV");
            }
        }
    }

    /** Every name an ARG or ENV declares in this stage or the stages it builds on. */
    private static Set<String> declaredInChain(LintContext ctx, Stage stage) {
        Set<String> names = new HashSet<>();
        List<Stage> chain = ctx.stageChain(stage);
        for (int s = 0; s < chain.size(); s++) addDeclaredNames(chain.get(s).instructions(), names);
        return names;
    }

    /** Adds every name these ARG and ENV instructions declare (into one set: no set per stage to merge). */
    private static void addDeclaredNames(List<Instruction> instructions, Set<String> names) {
        for (int n = 0; n < instructions.size(); n++) {
            Instruction i = instructions.get(n);
            if (i.is("ARG")) {
                List<Arg> args = i.args();
                for (int k = 0; k < args.size(); k++) {
                    String value = args.get(k).value();
                    int eq = value.indexOf('=');
                    names.add(eq < 0 ? value : value.substring(0, eq));
                }
            } else if (i.is("ENV")) {
                List<Arg> args = i.args();
                for (int k = 0; k < args.size(); k += 3) names.add(args.get(k).value());
            }
        }
    }
}
