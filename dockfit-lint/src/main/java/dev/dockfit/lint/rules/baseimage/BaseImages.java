package dev.dockfit.lint.rules.baseimage;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.semantic.Stage;

/** Reading a stage's FROM image for this family's rules. */
final class BaseImages {
    private BaseImages() {
    }

    /** The image word of the FROM (where findings about the image point), or null for a bare FROM. */
    static Arg imageArg(Stage stage) {
        return stage.from().args().isEmpty() ? null : stage.from().args().get(0);
    }

    /** The reference as resolved, with how it was written when an ARG gave it ({@code node:latest (from ${IMG})}). */
    static String shown(Stage stage) {
        String resolved = stage.base().resolved();
        String raw = stage.base().raw();
        return raw.equals(resolved) ? resolved : resolved + " (from " + raw + ")";
    }
}
