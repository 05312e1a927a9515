package dev.dockfit.finding;

import java.util.Map;
import java.util.Objects;

/**
 * One result of any analyzer (Dockerfile rule, image analysis, vulnerability match). Every output
 * format renders this type and nothing else; no format computes findings of its own.
 *
 * @param rule       stable id, e.g. {@code DF001}
 * @param properties extra facts for machine-readable formats (sizes, package names, ids); never null
 */
public record Finding(String rule, Severity severity, Practice practice, String message,
                      Location location, boolean fixable, Map<String, Object> properties) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(practice, "practice");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public Finding(String rule, Severity severity, Practice practice, String message, Location location) {
        this(rule, severity, practice, message, location, false, Map.of());
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, practice, message, location, fixable, properties);
    }
}
