package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.lint.Rule;
import java.util.List;

/** The maintainability family (DF700-DF799): deprecated syntax, style and habits that age badly. */
public final class Rules {
    public static final List<Rule> ALL = List.of();

    private Rules() {
    }
}
