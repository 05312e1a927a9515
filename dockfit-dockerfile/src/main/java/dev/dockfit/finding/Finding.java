package dev.dockfit.finding;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One result of any analyzer (Dockerfile rule, image analysis, vulnerability match). Every output
 * format renders this type and nothing else; no format computes findings of its own.
 *
 * @param rule       stable id, e.g. {@code DF001}
 * @param properties extra facts for machine-readable formats (sizes, package names, ids); never null, in key order
 */
public record Finding(String rule, Severity severity, Practice practice, String message,
                      Location location, boolean fixable, Map<String, Object> properties) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(practice, "practice");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        properties = properties == null || properties.isEmpty() ? Map.of() : inKeyOrder(properties);
    }

    /**
     * An unmodifiable copy that iterates in key order, so every output lists the properties the same way in
     * every run ({@code Map.of} and {@code Map.copyOf} iterate in an order that changes from one JVM to the next).
     */
    private static Map<String, Object> inKeyOrder(Map<String, Object> properties) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(properties)));
    }

    public Finding(String rule, Severity severity, Practice practice, String message, Location location) {
        this(rule, severity, practice, message, location, false, Map.of());
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, practice, message, location, fixable, properties);
    }
}
