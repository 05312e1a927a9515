package dev.dockfit.lint.kb;

import java.util.Optional;

/**
 * What the knowledge base says about one tag.
 *
 * @param maintenance the verdict
 * @param current     for {@link Maintenance#FROZEN}, a listed tag of the same line and variant to move to
 */
public record TagStatus(Maintenance maintenance, Optional<String> current) {

    static TagStatus of(Maintenance maintenance) {
        return new TagStatus(maintenance, Optional.empty());
    }
}
