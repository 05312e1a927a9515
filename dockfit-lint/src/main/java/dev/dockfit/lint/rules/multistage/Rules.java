package dev.dockfit.lint.rules.multistage;

import dev.dockfit.lint.Rule;
import java.util.List;

/** The multi-stage family (DF100-DF199): building outside the final image, and stage correctness. */
public final class Rules {
    public static final List<Rule> ALL = List.of(
            new BuildInFinalStage(),
            new BuildPackagesInFinalStage(),
            new CopyFromOwnStage(),
            new CopyFromUnknownStage(),
            new DuplicateStageName(),
            new ReservedStageName(),
            new StageNameCasing(),
            new InvalidStageName(),
            new CopyWholeStageRoot());

    private Rules() {
    }
}
