package dev.dockfit.lint.kb;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A smaller image of the same version: {@code python:3.12} to {@code python:3.12-slim}, or, for a deprecated
 * image, its replacement's runtime variant ({@code openjdk:17} to {@code eclipse-temurin:17-jre}).
 *
 * @param image      the suggested image (an official image name)
 * @param tag        the suggested tag; always one the tag lists hold
 * @param fromMB     the typical compressed size of the current variant, when the data file knows it
 * @param toMB       the typical compressed size of the suggested variant, when the data file knows it
 * @param fromFamily the current variant's distribution, when known
 * @param toFamily   the suggested variant's distribution, when known
 */
public record Suggestion(String image, String tag, OptionalInt fromMB, OptionalInt toMB,
                         Optional<Family> fromFamily, Optional<Family> toFamily) {

    /** {@code image:tag}, ready for a FROM line. */
    public String reference() {
        return image + ":" + tag;
    }

    /** The typical saving in MB (compressed, linux/amd64), when both sizes are known. */
    public OptionalInt savingMB() {
        return fromMB.isPresent() && toMB.isPresent()
                ? OptionalInt.of(fromMB.getAsInt() - toMB.getAsInt()) : OptionalInt.empty();
    }

    /**
     * True when the package manager differs (apt to apk), so RUN lines installing packages need rewriting;
     * also true when either side is unknown, since then nothing guarantees they keep working.
     */
    public boolean packageManagerChanges() {
        return fromFamily.isEmpty() || toFamily.isEmpty()
                || !fromFamily.get().packageManager().equals(toFamily.get().packageManager());
    }
}
