package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.Scope;
import dev.dockfit.dockerfile.shell.ExpansionException;
import dev.dockfit.dockerfile.shell.WordExpander;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RuleDoc(id = "DF616", title = "ENV refers to a variable it defines itself", severity = Severity.ERROR,
        practice = Practice.CORRECTNESS,
        why = "All values of one ENV are expanded before any of them is set, so a reference to a variable "
                + "defined in the same ENV sees its old value (here: nothing).",
        bad = """
                FROM eclipse-temurin:21-jre
                ENV APP_HOME=/opt/app APP_CONFIG=${APP_HOME}/config
                """,
        good = """
                FROM eclipse-temurin:21-jre
                ENV APP_HOME=/opt/app
                ENV APP_CONFIG=${APP_HOME}/config
                """,
        hadolint = "DL3044")
public final class EnvSelfReference extends Rule {

    @Override
    public void check(LintContext ctx) {
        WordExpander expander = new WordExpander(ctx.file().escapeToken());
        List<Instruction> envs = ctx.instructions("ENV");
        for (int n = 0; n < envs.size(); n++) {
            Instruction i = envs.get(n);
            if (i.args().size() < 6) continue;
            Scope before = ctx.model().scopeBefore(i);
            List<Arg> a = i.args();
            for (int k = 0; k + 1 < a.size(); k += 3) {
                Set<String> used = references(expander, a.get(k + 1).value(), before);
                for (int j = 0; j + 1 < a.size(); j += 3) {
                    String name = a.get(j).value();
                    if (j == k || !used.contains(name) || before.isDeclared(name)) continue;
                    ctx.report(a.get(k + 1).span(), "$" + name + " is defined in this same ENV and is still unset "
                            + "here: move " + a.get(k).value() + " to its own ENV after it");
                }
            }
        }
    }

    private static Set<String> references(WordExpander expander, String word, Scope scope) {
        Set<String> names = new LinkedHashSet<>();
        if (word.indexOf('$') < 0) return names;
        try {
            expander.expandWord(word, name -> {
                names.add(name);
                return scope.get(name);
            });
        } catch (ExpansionException e) {
            return names;
        }
        return names;
    }
}
