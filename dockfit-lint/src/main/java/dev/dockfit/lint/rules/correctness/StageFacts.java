package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.lint.LintContext;

/** What a stage has set before an instruction, counting the stages it builds on. */
final class StageFacts {
    private StageFacts() {
    }

    /** True when an instruction with this keyword comes before {@code at} in its stage or in a parent stage. */
    static boolean setBefore(LintContext ctx, Instruction at, String keyword) {
        Stage stage = ctx.model().stageOf(at).orElse(null);
        if (stage == null) return false;
        boolean first = true;
        for (Stage s : ctx.stageChain(stage)) {
            for (Instruction i : s.instructions()) {
                if (first && i == at) break;
                if (i.is(keyword)) return true;
            }
            first = false;
        }
        return false;
    }

    /** True when the instruction's stage builds, directly or through its parent stages, on scratch. */
    static boolean inScratchStage(LintContext ctx, Instruction at) {
        return ctx.model().stageOf(at).map(s -> ctx.stageRoot(s).base().isScratch()).orElse(false);
    }

    /** The word after ARG/ENV expansion, or null when it uses a variable with no value or cannot expand. */
    static String resolved(LintContext ctx, Instruction at, String word) {
        return ctx.model().expand(at, word).filter(e -> e.unset().isEmpty()).map(e -> e.value()).orElse(null);
    }

    /** True for {@code /x}, and for the Windows forms {@code C:\x}, {@code C:/x}, {@code \x}. */
    static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.startsWith("\\")
                || path.length() >= 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':';
    }
}
