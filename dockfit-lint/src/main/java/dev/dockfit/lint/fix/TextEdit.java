package dev.dockfit.lint.fix;

import dev.dockfit.dockerfile.model.Span;

/** Replace the bytes of {@code span} with {@code replacement} (an insertion when the span is empty). */
public record TextEdit(Span span, String replacement) {
}
