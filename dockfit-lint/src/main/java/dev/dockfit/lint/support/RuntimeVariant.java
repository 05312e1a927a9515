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
        return kb.smallerVariants(ref).stream().filter(s -> !kb.isSdkImage(s.image(), s.tag())).findFirst();
    }
}
