package dev.dockfit.lint.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on, so that every configuration error can name its line
 * (Jackson's tree model drops locations).
 *
 * @param value a {@code Map<String, YamlNode>}, a {@code List<YamlNode>}, a String, Number or Boolean, or null
 */
record YamlNode(Object value, int line) {
    private static final YAMLFactory YAML = new YAMLFactory();

    static YamlNode parse(String file, byte[] bytes) throws ConfigException {
        try (JsonParser p = YAML.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) return new YamlNode(Map.of(), 1); // an empty file configures nothing
            YamlNode root = read(p, file);
            if (!(root.value instanceof Map)) throw ConfigException.at(file, root.line, "expected a mapping of keys");
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw ConfigException.at(file, line, "invalid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), true);
        }
    }

    private static YamlNode read(JsonParser p, String file) throws IOException, ConfigException {
        int line = p.currentTokenLocation().getLineNr();
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, YamlNode> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    if (map.put(key, read(p, file)) != null) throw ConfigException.at(file, keyLine, "duplicate key '" + key + "'");
                }
                return new YamlNode(map, line);
            }
            case START_ARRAY -> {
                List<YamlNode> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) list.add(read(p, file));
                return new YamlNode(list, line);
            }
            case VALUE_STRING -> {
                return new YamlNode(p.getText(), line);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new YamlNode(p.getNumberValue(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode(p.getBooleanValue(), line);
            }
            case VALUE_NULL -> {
                return new YamlNode(null, line);
            }
            default -> throw ConfigException.at(file, line, "unsupported YAML value");
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, YamlNode> map() {
        return (Map<String, YamlNode>) value;
    }

    /** The value as plain Java objects (maps, lists, strings, numbers, booleans), for rule options. */
    Object plain() {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            map().forEach((k, v) -> out.put(k, v.plain()));
            return out;
        }
        if (value instanceof List<?> l) return l.stream().map(n -> ((YamlNode) n).plain()).toList();
        return value;
    }

    private static String firstLine(String s) {
        if (s == null) return "syntax error";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
