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
 * A {@code .hadolint.yaml}, honoured when there is no dockfit configuration: {@code ignored},
 * {@code override} ({@code error|warning|info|style: [DL ids]}), {@code trustedRegistries},
 * {@code failure-threshold} and {@code disable-ignore-pragma} apply to the dockfit rules declaring those
 * hadolint ids; hadolint's other keys (output format, colours, label schema) are accepted and have no effect.
 */
public final class HadolintConfigFile {
    private static final Set<String> KEYS = new LinkedHashSet<>(List.of(
            "ignored", "override", "trustedRegistries", "failure-threshold", "disable-ignore-pragma",
            "format", "no-color", "no-fail", "verbose", "label-schema", "strict-labels", "output-file"));

    private HadolintConfigFile() {
    }

    public static LintConfig parse(String file, byte[] bytes, List<RuleInfo> rules) throws ConfigException {
        ConfigValues v = new ConfigValues(file, rules);
        YamlNode root = YamlNode.parse(file, bytes);
        v.onlyKeys(root, KEYS);
        Set<String> ignored = new LinkedHashSet<>();
        Map<String, Severity> severities = new HashMap<>();
        Severity threshold = LintConfig.DEFAULT.failureThreshold();
        List<String> trusted = new ArrayList<>();
        boolean inline = true;
        boolean noFail = false;
        for (var e : root.map().entrySet()) {
            String key = e.getKey();
            YamlNode n = e.getValue();
            switch (key) {
                case "ignored" -> ignored.addAll(v.ruleList(n, key, false));
                case "override" -> {
                    Map<String, YamlNode> levels = v.map(n, key);
                    for (var level : levels.entrySet()) {
                        Severity sev = v.severity(new YamlNode(level.getKey(), level.getValue().line()), key);
                        for (String id : v.ruleList(level.getValue(), key + "." + level.getKey(), false)) {
                            severities.put(id, sev);
                        }
                    }
                }
                case "trustedRegistries" -> trusted.addAll(v.strings(n, key));
                case "failure-threshold" -> threshold = DockfitConfigFile.threshold(v, n, key);
                case "disable-ignore-pragma" -> inline = !v.bool(n, key);
                case "no-fail" -> noFail = v.bool(n, key);
                default -> {
                    // hadolint's presentation keys: nothing to apply
                }
            }
        }
        return new LintConfig(ignored, Set.of(), severities, noFail ? null : threshold, trusted, Map.of(), inline);
    }
}
