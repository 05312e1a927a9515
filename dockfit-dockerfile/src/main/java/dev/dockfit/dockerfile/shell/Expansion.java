package dev.dockfit.dockerfile.shell;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The result of expanding one word.
 *
 * @param value the word with quotes removed, escapes applied and substitutions done
 * @param unset names of variables the word looked up that were unset, in lookup order; like BuildKit, a
 *              nested default such as {@code ${A:-$B}} is looked up (and listed) even when A is set;
 *              positional and special parameters such as {@code $1} or {@code $@} are never listed
 */
public record Expansion(String value, Set<String> unset) {
    public Expansion {
        // most words name no unset variable: share the empty set instead of copying it. Hot (per expanded word):
        // Set.of()'s one instance is recognised first, with no interface call (C1 cannot inline isEmpty on a Set
        // that is sometimes immutable, sometimes a LinkedHashSet)
        Set<String> none = Set.of();
        unset = unset == none || unset.isEmpty() ? none : Collections.unmodifiableSet(new LinkedHashSet<>(unset));
    }
}
