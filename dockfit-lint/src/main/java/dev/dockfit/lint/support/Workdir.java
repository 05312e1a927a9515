package dev.dockfit.lint.support;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.dockerfile.semantic.Stage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** The working directory in force at an instruction, from the WORKDIRs of its stage lineage, ARG/ENV-resolved. */
public final class Workdir {
    private Workdir() {
    }

    /**
     * The absolute working directory before {@code at} runs ("/" when no WORKDIR is set), or empty when a
     * WORKDIR uses a variable with no value. Base images may set their own WORKDIR; dockfit cannot see it,
     * so a relative first WORKDIR is taken relative to "/".
     */
    public static Optional<String> at(BuildModel model, Instruction at) {
        Stage stage = model.stageOf(at).orElse(null);
        if (stage == null) return Optional.of("/");
        List<Stage> lineage = StageChain.of(model, stage);
        String dir = "/";
        for (int i = lineage.size() - 1; i >= 0; i--) {
            for (Instruction in : lineage.get(i).instructions()) {
                if (in == at) return Optional.of(dir);
                if (!in.is("WORKDIR") || in.args().isEmpty()) continue;
                var e = model.expand(in, in.args().get(0).value());
                if (e.isEmpty() || !e.get().unset().isEmpty()) return Optional.empty();
                dir = resolve(dir, e.get().value());
            }
        }
        return Optional.of(dir);
    }

    /** {@code path} made absolute against {@code dir} and normalised ({@code .}, {@code ..}, {@code //}). */
    public static String resolve(String dir, String path) {
        String joined = path.startsWith("/") ? path : dir + "/" + path;
        Deque<String> parts = new ArrayDeque<>();
        for (String p : joined.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** True when {@code path} is {@code dir} or lies under it (both absolute and normalised). */
    public static boolean within(String path, String dir) {
        return path.equals(dir) || dir.equals("/") || path.startsWith(dir + "/");
    }
}
