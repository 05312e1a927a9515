package dev.dockfit.lint.kb;

/**
 * An image (or variant) that carries a build toolchain, which a final stage should not ship.
 *
 * @param what    the toolchain, e.g. {@code Go toolchain}, {@code JDK}
 * @param runtime what to run the result on instead, as advice text
 */
public record SdkInfo(String what, String runtime) {
}
