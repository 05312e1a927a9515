package dev.dockfit.lint.fix;

import dev.dockfit.lint.LintConfig;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@code dockfit fix} may apply.
 *
 * @param level fixes up to this level are applied
 * @param only  rule ids to fix; empty for all
 */
public record FixOptions(FixLevel level, Set<String> only) {

    private static final String CACHE_MOUNT_RULE = "DF315";

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

    /**
     * The configuration to lint with: at level {@code all} also the opt-in rule whose fix needs BuildKit (DF315,
     * cache mounts), unless the configuration ignores it.
     */
    public LintConfig linting(LintConfig c) {
        if (level != FixLevel.ALL || c.ignored().contains(CACHE_MOUNT_RULE)) return c;
        Set<String> enabled = new LinkedHashSet<>(c.enabled());
        enabled.add(CACHE_MOUNT_RULE);
        return new LintConfig(c.ignored(), enabled, c.severities(), c.failureThreshold(), c.trustedRegistries(),
                c.ruleOptions(), c.inlineIgnores());
    }
}
