package dev.dockfit.lint.rules.multistage;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Flag;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.support.Mount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reading stage references and stage names of this family's rules. */
final class StageRefs {
    private StageRefs() {
    }

    /**
     * A reference to another stage or an image: {@code COPY --from=x}, or {@code RUN --mount=...,from=x}.
     *
     * @param written how it is written up to the value ({@code COPY --from=})
     * @param value   the value after ARG expansion
     * @param at      the flag
     */
    record Ref(Instruction instruction, String written, String value, Span at) {

        /** How it is written, for messages ({@code COPY --from=x}): built only for a finding. */
        String how() {
            return written + value;
        }

        /** True when the value names this stage, by name (case-insensitively) or index. */
        boolean namesOwn(Stage stage) {
            String v = value.toLowerCase(Locale.ROOT);
            return v.equals(stage.name()) || v.equals(String.valueOf(stage.index()));
        }
    }

    /** {@link #ofEach} of the file, shared by the rules that ask. */
    private static final Object REFS = new Object();

    /**
     * Every --from of COPY and RUN --mount in the stage whose value resolves (unset variables are skipped); worked
     * out once per file for DF102 and DF103.
     */
    static List<Ref> of(LintContext ctx, Stage stage) {
        List<List<Ref>> byStage = ctx.shared(REFS, StageRefs::ofEach);
        return byStage.get(stage.index());
    }

    /** {@link #of} of each stage, by stage index. */
    private static List<List<Ref>> ofEach(LintContext ctx) {
        List<Stage> stages = ctx.model().stages();
        List<List<Ref>> out = new ArrayList<>(stages.size());
        for (int s = 0; s < stages.size(); s++) out.add(refsIn(ctx, stages.get(s)));
        return out;
    }

    private static List<Ref> refsIn(LintContext ctx, Stage stage) {
        List<Ref> out = new ArrayList<>();
        List<Instruction> instructions = stage.instructions();
        for (int i = 0; i < instructions.size(); i++) {
            Instruction in = instructions.get(i);
            if (in.flags().isEmpty()) continue; // neither --from nor --mount
            if (in.is("COPY")) {
                Flag from = in.flag("from").orElse(null);
                String v = value(ctx, in, from);
                if (v != null) out.add(new Ref(in, "COPY --from=", v, from.span()));
            } else if (in.is("RUN")) {
                List<Flag> flags = in.flags();
                List<Mount> mounts = ctx.mounts(in); // parsed once per file, one per --mount flag in order
                int mount = 0;
                for (int k = 0; k < flags.size(); k++) {
                    if (!flags.get(k).name().equals("mount")) continue;
                    String from = mounts.get(mount++).options().get("from");
                    String v = from == null ? null : resolve(ctx, in, from);
                    if (v != null) out.add(new Ref(in, "RUN --mount from=", v, flags.get(k).span()));
                }
            }
        }
        return out;
    }

    /** The value of a {@code --from} flag after ARG expansion, or null when absent, empty or unresolved. */
    static String value(LintContext ctx, Instruction at, Flag from) {
        if (from == null || from.value() == null) return null;
        return resolve(ctx, at, from.value());
    }

    private static String resolve(LintContext ctx, Instruction at, String word) {
        var e = ctx.model().expand(at, word);
        if (e.isEmpty() || !e.get().unset().isEmpty() || e.get().value().isBlank()) return null;
        return e.get().value();
    }

    /** The {@code AS name} word of a FROM as written, or null. */
    static Arg nameArg(Instruction from) {
        var a = from.args();
        return a.size() >= 3 && a.get(1).value().equalsIgnoreCase("AS") ? a.get(2) : null;
    }
}
