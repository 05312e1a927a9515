package dev.dockfit.dockerfile.model;

/** A source range; the end position is exclusive (it names the character after the last one), as in SARIF. */
public record Range(Position start, Position end) {
}
