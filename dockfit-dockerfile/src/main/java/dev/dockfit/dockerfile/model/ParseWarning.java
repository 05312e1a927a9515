package dev.dockfit.dockerfile.model;

/** A problem BuildKit's parser tolerates but warns about (an empty line inside a continuation). */
public record ParseWarning(String message, Span span) {
}
