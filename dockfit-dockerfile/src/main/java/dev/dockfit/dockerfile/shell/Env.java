package dev.dockfit.dockerfile.shell;

import java.util.Map;

/** The variables visible to an expansion: build args and ENV values in scope. */
@FunctionalInterface
public interface Env {

    /** No variable set. */
    Env EMPTY = name -> null;

    /** The value of {@code name}, or null when it is unset (an empty string means set but empty). */
    String get(String name);

    /** A view of {@code values}; a name is unset when the map has no entry (or a null one) for it. */
    static Env of(Map<String, String> values) {
        return values::get;
    }
}
