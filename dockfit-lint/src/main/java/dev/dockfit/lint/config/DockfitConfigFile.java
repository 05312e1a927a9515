package dev.dockfit.lint.config;

import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintConfig;
import dev.dockfit.lint.RuleInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code .dockfit.yaml}:
 * <pre>
 * ignore: [DF400, DL3008]        # rules never reported (dockfit ids, or hadolint ids they map to)
 * enable: [DF210]                # opt-in rules to run
 * severity: {DF001: error}       # per-rule severity overrides
 * failure-threshold: warning     # error, warning, info, style or none
 * trusted-registries: [docker.io, ghcr.io]
 * inline-ignores: true           # false: disregard "# dockfit ignore=" comments
 * rules: {DF123: {key: value}}   # per-rule options
 * </pre>
 */
public final class DockfitConfigFile {
    static final Set<String> KEYS = new LinkedHashSet<>(List.of(
            "ignore", "enable", "severity", "failure-threshold", "trusted-registries", "inline-ignores", "rules"));

    private DockfitConfigFile() {
    }

    public static LintConfig parse(String file, byte[] bytes, List<RuleInfo> rules) throws ConfigException {
        ConfigValues v = new ConfigValues(file, rules);
        YamlNode root = YamlNode.parse(file, bytes);
        v.onlyKeys(root, KEYS);
        Set<String> ignored = new LinkedHashSet<>();
        Set<String> enabled = new LinkedHashSet<>();
        Map<String, Severity> severities = new HashMap<>();
        Severity threshold = LintConfig.DEFAULT.failureThreshold();
        List<String> trusted = new ArrayList<>();
        Map<String, Map<String, Object>> options = new HashMap<>();
        boolean inline = true;
        for (var e : root.map().entrySet()) {
            String key = e.getKey();
            YamlNode n = e.getValue();
            switch (key) {
                case "ignore" -> ignored.addAll(v.ruleList(n, key, true));
                case "enable" -> enabled.addAll(v.ruleList(n, key, true));
                case "severity" -> {
                    for (var s : v.map(n, key).entrySet()) {
                        Severity sev = v.severity(s.getValue(), key + "." + s.getKey());
                        for (String id : v.rules(new YamlNode(s.getKey(), s.getValue().line()), key, true)) {
                            severities.put(id, sev);
                        }
                    }
                }
                case "failure-threshold" -> threshold = threshold(v, n, key);
                case "trusted-registries" -> trusted.addAll(v.strings(n, key));
                case "inline-ignores" -> inline = v.bool(n, key);
                case "rules" -> {
                    for (var r : v.map(n, key).entrySet()) {
                        Set<String> ids = v.rules(new YamlNode(r.getKey(), r.getValue().line()), key, true);
                        v.map(r.getValue(), key + "." + r.getKey()); // a mapping, or empty
                        @SuppressWarnings("unchecked")
                        Map<String, Object> opts = r.getValue().value() == null ? Map.of()
                                : (Map<String, Object>) r.getValue().plain();
                        for (String id : ids) options.put(id, opts);
                    }
                }
                default -> throw new IllegalStateException(key);
            }
        }
        return new LintConfig(ignored, enabled, severities, threshold, trusted, options, inline);
    }

    /** A severity, or {@code none} (hadolint also writes {@code ignore}): null, never fail. */
    static Severity threshold(ConfigValues v, YamlNode n, String key) throws ConfigException {
        if ("none".equals(n.value()) || "ignore".equals(n.value())) return null;
        return v.severity(n, key);
    }
}
