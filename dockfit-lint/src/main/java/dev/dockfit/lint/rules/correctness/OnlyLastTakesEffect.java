package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.lint.LintContext;
import java.util.List;

/** Reports every CMD, ENTRYPOINT or HEALTHCHECK of a stage but the last: only the last one takes effect. */
final class OnlyLastTakesEffect {
    private OnlyLastTakesEffect() {
    }

    static void check(LintContext ctx, String keyword) {
        for (Stage stage : ctx.model().stages()) {
            List<Instruction> all = stage.all(keyword);
            for (int k = 0; k < all.size() - 1; k++) {
                ctx.report(all.get(k), "only the last " + keyword + " of stage " + stage.label()
                        + " takes effect: remove this one (line " + ctx.file().range(all.get(all.size() - 1)
                        .keywordSpan()).start().line() + " overrides it)");
            }
        }
    }
}
