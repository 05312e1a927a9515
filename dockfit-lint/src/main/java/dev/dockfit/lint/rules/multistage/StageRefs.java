package dev.dockfit.lint.rules.multistage;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Flag;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.lint.LintContext;

/** Reading stage references and stage names of this family's rules. */
final class StageRefs {
    private StageRefs() {
    }

    /** The value of a {@code --from} flag after ARG expansion, or null when absent, empty or unresolved. */
    static String value(LintContext ctx, Instruction at, Flag from) {
        if (from == null || from.value() == null) return null;
        var e = ctx.model().expand(at, from.value());
        if (e.isEmpty() || !e.get().unset().isEmpty() || e.get().value().isBlank()) return null;
        return e.get().value();
    }

    /** The {@code AS name} word of a FROM as written, or null. */
    static Arg nameArg(Instruction from) {
        var a = from.args();
        return a.size() >= 3 && a.get(1).value().equalsIgnoreCase("AS") ? a.get(2) : null;
    }
}
