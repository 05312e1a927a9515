package dev.dockfit.dockerfile.model;

/**
 * A comment line (not a parser directive), also one inside a line continuation.
 *
 * @param text the text after {@code #}, trimmed
 * @param span from the {@code #} to the end of the line
 */
public record Comment(String text, Span span) {
}
