package dev.dockfit.dockerfile.model;

/**
 * A point in a source file: 1-based line, 1-based column counted in Unicode code points from the start of
 * the line (an invalid UTF-8 byte counts as one), and the 0-based byte offset.
 */
public record Position(int line, int column, int offset) {
}
