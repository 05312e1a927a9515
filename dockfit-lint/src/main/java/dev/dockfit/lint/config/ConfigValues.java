package dev.dockfit.lint.config;

import dev.dockfit.finding.Severity;
import dev.dockfit.lint.RuleInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed reads of YAML values with errors that name the file and line; shared by both file formats. */
final class ConfigValues {
    private final String file;
    private final List<RuleInfo> rules;

    ConfigValues(String file, List<RuleInfo> rules) {
        this.file = file;
        this.rules = rules;
    }

    ConfigException error(YamlNode at, String message) {
        return ConfigException.at(file, at.line(), message);
    }

    void onlyKeys(YamlNode map, Set<String> known) throws ConfigException {
        for (var e : map.map().entrySet()) {
            if (!known.contains(e.getKey())) {
                throw error(e.getValue(), "unknown key '" + e.getKey() + "' (known: " + String.join(", ", known) + ")");
            }
        }
    }

    Map<String, YamlNode> map(YamlNode n, String key) throws ConfigException {
        if (n.value() == null) return Map.of();
        if (!(n.value() instanceof Map)) throw error(n, key + ": expected a mapping");
        return n.map();
    }

    /** A list of strings, or a single string standing for a list of one. */
    List<YamlNode> list(YamlNode n, String key) throws ConfigException {
        if (n.value() == null) return List.of();
        List<YamlNode> items = n.value() instanceof List<?> l
                ? l.stream().map(YamlNode.class::cast).toList() : List.of(n);
        for (YamlNode i : items) {
            if (!(i.value() instanceof String)) throw error(i, key + ": expected a string or a list of strings");
        }
        return items;
    }

    String string(YamlNode n, String key) throws ConfigException {
        if (n.value() instanceof String s) return s;
        if (n.value() instanceof Boolean || n.value() instanceof Number) return n.value().toString();
        throw error(n, key + ": expected a value");
    }

    boolean bool(YamlNode n, String key) throws ConfigException {
        if (n.value() instanceof Boolean b) return b;
        throw error(n, key + ": expected true or false");
    }

    Severity severity(YamlNode n, String key) throws ConfigException {
        String s = string(n, key);
        try {
            return Severity.parse(s);
        } catch (IllegalArgumentException e) {
            throw error(n, key + ": " + e.getMessage());
        }
    }

    /** The dockfit rules an id names (see {@link RuleIds}); an unknown DF id is an error. */
    Set<String> rules(YamlNode n, String key, boolean dockfitIdsAllowed) throws ConfigException {
        Set<String> out = RuleIds.resolve((String) n.value(), rules, dockfitIdsAllowed);
        if (out.isEmpty() && dockfitIdsAllowed) throw error(n, key + ": unknown rule '" + n.value() + "'");
        return out;
    }

    Set<String> ruleList(YamlNode n, String key, boolean dockfitIdsAllowed) throws ConfigException {
        Set<String> out = new LinkedHashSet<>();
        for (YamlNode i : list(n, key)) out.addAll(rules(i, key, dockfitIdsAllowed));
        return out;
    }

    List<String> strings(YamlNode n, String key) throws ConfigException {
        List<String> out = new ArrayList<>();
        for (YamlNode i : list(n, key)) out.add(((String) i.value()).strip());
        return out;
    }
}
