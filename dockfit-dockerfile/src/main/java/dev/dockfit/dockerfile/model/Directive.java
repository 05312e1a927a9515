package dev.dockfit.dockerfile.model;

/** A parser directive ({@code # syntax=}, {@code # escape=}, {@code # check=}); the name is lower-case. */
public record Directive(String name, String value, Span span) {
}
