package dev.dockfit.lint;

import dev.dockfit.finding.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the user configured ({@code .dockfit.yaml}, a {@code .hadolint.yaml}, or flags).
 *
 * @param ignored           rule ids never reported
 * @param enabled           opt-in rule ids to run
 * @param severities        per-rule severity overrides
 * @param failureThreshold  the least severity that makes {@code lint} exit 1; null: never fail
 * @param trustedRegistries registries FROM may use (empty: any)
 * @param ruleOptions       per-rule options, by rule id
 * @param inlineIgnores     false to disregard {@code # dockfit ignore} and {@code # hadolint ignore} comments
 */
public record LintConfig(Set<String> ignored, Set<String> enabled, Map<String, Severity> severities,
                         Severity failureThreshold, List<String> trustedRegistries,
                         Map<String, Map<String, Object>> ruleOptions, boolean inlineIgnores) {

    public static final LintConfig DEFAULT =
            new LintConfig(Set.of(), Set.of(), Map.of(), Severity.WARNING, List.of(), Map.of(), true);

    public LintConfig {
        ignored = Set.copyOf(ignored);
        enabled = Set.copyOf(enabled);
        severities = Map.copyOf(severities);
        trustedRegistries = List.copyOf(trustedRegistries);
        ruleOptions = Map.copyOf(ruleOptions);
    }

    public boolean runs(RuleInfo rule) {
        if (ignored.contains(rule.id())) return false;
        return rule.enabledByDefault() || enabled.contains(rule.id());
    }

    public Severity severityOf(RuleInfo rule) {
        return severities.getOrDefault(rule.id(), rule.severity());
    }

    public Map<String, Object> options(String ruleId) {
        return ruleOptions.getOrDefault(ruleId, Map.of());
    }
}
