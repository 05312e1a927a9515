package dev.dockfit.lint.config;

import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What command-line flags add to a configuration file: more ignored and enabled rules, more trusted
 * registries, another failure threshold, inline ignores off.
 *
 * @param failureThreshold null: keep the file's
 * @param neverFail        the threshold {@code none}: no finding fails the run
 */
public record ConfigOverrides(Set<String> ignore, Set<String> enable, List<String> trustedRegistries,
                              Severity failureThreshold, boolean neverFail, boolean noInlineIgnores) {

    public static final ConfigOverrides NONE =
            new ConfigOverrides(Set.of(), Set.of(), List.of(), null, false, false);

    public LintConfig apply(LintConfig c) {
        Set<String> ignored = new HashSet<>(c.ignored());
        ignored.addAll(ignore);
        Set<String> enabled = new HashSet<>(c.enabled());
        enabled.addAll(enable);
        ignored.removeAll(enable); // asking for a rule on the command line wins over the file's ignore
        List<String> trusted = new ArrayList<>(c.trustedRegistries());
        trusted.addAll(trustedRegistries);
        Severity threshold = neverFail ? null : failureThreshold != null ? failureThreshold : c.failureThreshold();
        return new LintConfig(ignored, enabled, c.severities(), threshold, trusted, c.ruleOptions(),
                c.inlineIgnores() && !noInlineIgnores);
    }
}
