package dev.dockfit.dockerfile.model;

/**
 * One argument node as BuildKit's parser splits it (see the per-instruction table in the README).
 *
 * @param value UTF-8 text
 * @param bytes the exact bytes, one char per byte (ISO-8859-1), for byte-exact dumps
 * @param span  source span, or null for the synthetic separator of ENV/LABEL pairs
 */
public record Arg(String value, String bytes, Span span) {
}
