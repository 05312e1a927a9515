package dev.dockfit.lint.rules.leastprivilege;

import dev.dockfit.lint.Rule;
import java.util.List;

/** The least-privilege family (DF001-DF099). */
public final class Rules {
    public static final List<Rule> ALL = List.of(
            new NoUserInFinalStage(),
            new LastUserIsRoot(),
            new SudoInRun(),
            new UseraddHighUidWithoutNoLogInit(),
            new RecursiveChownOfCopiedPath());

    private Rules() {
    }
}
