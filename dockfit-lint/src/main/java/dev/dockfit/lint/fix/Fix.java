package dev.dockfit.lint.fix;

import java.util.List;

/**
 * A rewrite that resolves a finding: text edits on the source, with the level that governs whether
 * {@code dockfit fix} applies it.
 */
public record Fix(String description, FixLevel level, List<TextEdit> edits) {
    public Fix {
        edits = List.copyOf(edits);
    }
}
