package dev.dockfit.lint.support;

import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.dockerfile.semantic.Stage;
import java.util.ArrayList;
import java.util.List;

/** A stage and the stages it builds on ({@code FROM builder}), nearest first: what it inherits. */
public final class StageChain {
    private StageChain() {
    }

    /** The stage itself, then its parent stage, then that one's parent... (external images end the chain). */
    public static List<Stage> of(BuildModel model, Stage stage) {
        List<Stage> chain = new ArrayList<>();
        for (Stage s = stage; s != null && chain.size() <= model.stages().size();
             s = s.base().stage() == null ? null : model.stages().get(s.base().stage())) {
            chain.add(s);
        }
        return chain;
    }

    /** The stage where the chain ends: its base is an external image or scratch. */
    public static Stage root(BuildModel model, Stage stage) {
        List<Stage> chain = of(model, stage);
        return chain.get(chain.size() - 1);
    }
}
