package dev.dockfit.dockerfile.semantic;

import dev.dockfit.reference.ImageReference;
import java.util.Set;

/**
 * What a stage is built FROM.
 *
 * @param raw        the image word as written ({@code ${BASE}:${TAG}})
 * @param resolved   after expanding the global ARGs, or null when the expansion failed
 * @param reference  the resolved text parsed as an image reference; null for scratch, a stage, or text that
 *                   is not a valid reference (for instance one still holding an unset variable)
 * @param stage      the index of the earlier stage it builds on, or null
 * @param unresolved variables the image word used that had no value
 */
public record BaseImage(String raw, String resolved, ImageReference reference, Integer stage, Set<String> unresolved) {

    public boolean isScratch() {
        return "scratch".equals(resolved);
    }

    public boolean isStage() {
        return stage != null;
    }
}
