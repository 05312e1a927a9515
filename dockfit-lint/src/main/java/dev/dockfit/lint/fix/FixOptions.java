package dev.dockfit.lint.fix;

import java.util.Set;

/**
 * What {@code dockfit fix} may apply.
 *
 * @param level fixes up to this level are applied
 * @param only  rule ids to fix; empty for all
 */
public record FixOptions(FixLevel level, Set<String> only) {

    public static final FixOptions RECOMMENDED = new FixOptions(FixLevel.RECOMMENDED, Set.of());

    public FixOptions {
        only = Set.copyOf(only);
    }

    public boolean selects(String rule) {
        return only.isEmpty() || only.contains(rule);
    }

    public boolean allows(FixLevel fixLevel) {
        return fixLevel.ordinal() <= level.ordinal();
    }
}
