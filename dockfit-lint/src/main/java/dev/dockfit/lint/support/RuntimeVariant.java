package dev.dockfit.lint.support;

import dev.dockfit.lint.kb.ImageKnowledge;
import dev.dockfit.lint.kb.Suggestion;
import dev.dockfit.reference.ImageReference;
import java.util.Optional;

/**
 * The smaller variant to run on instead of a base image, when it is not itself a build image: node:22 to
 * node:22-slim, eclipse-temurin:21 to 21-jre, but nothing for golang:1.22 (its alpine variant still carries
 * the toolchain; a multi-stage build is the answer there).
 */
public final class RuntimeVariant {
    private RuntimeVariant() {
    }

    public static Optional<Suggestion> of(ImageKnowledge kb, ImageReference ref) {
        return kb.runtimeVariant(ref);
    }

    /**
     * True when the image has runtime variants at all, judged on this tag or, for a tag the lists no longer hold
     * (node:20), on the image's latest: node, python, eclipse-temurin do; golang, maven, rust do not.
     */
    public static boolean existsFor(ImageKnowledge kb, ImageReference ref) {
        return of(kb, ref).isPresent() || ref.digest() == null && of(kb, ref.withTag("latest")).isPresent();
    }
}
