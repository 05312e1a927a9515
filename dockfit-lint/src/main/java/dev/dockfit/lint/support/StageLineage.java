package dev.dockfit.lint.support;

import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.dockerfile.semantic.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage and the earlier stages it is built FROM ({@code FROM base AS final}): everything in them ends up
 * in its image, so what a rule says about a final stage holds for its whole lineage.
 */
public final class StageLineage {
    private StageLineage() {
    }

    /** The stage first, then its base stage, and so on up to the stage built on an image. */
    public static List<Stage> of(BuildModel model, Stage stage) {
        List<Stage> out = new ArrayList<>();
        for (Stage s = stage; s != null && out.size() <= model.stages().size(); ) {
            out.add(s);
            Integer parent = s.base().stage();
            s = parent == null ? null : model.stages().get(parent);
        }
        return out;
    }

    /** The stage of the lineage that names an image (or scratch) in its FROM. */
    public static Stage root(BuildModel model, Stage stage) {
        List<Stage> l = of(model, stage);
        return l.get(l.size() - 1);
    }
}
