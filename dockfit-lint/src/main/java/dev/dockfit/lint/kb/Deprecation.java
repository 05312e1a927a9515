package dev.dockfit.lint.kb;

import java.util.List;
import java.util.Optional;

/**
 * An official image that docker-library has deprecated.
 *
 * @param replacement  the image dockfit suggests instead, when there is one
 * @param alternatives every alternative the deprecation notice names (may be empty)
 * @param notice       a one-line summary of the notice
 * @param source       where the notice comes from
 */
public record Deprecation(Optional<String> replacement, List<String> alternatives, String notice, String source) {
}
