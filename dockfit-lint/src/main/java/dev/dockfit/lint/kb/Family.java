package dev.dockfit.lint.kb;

/**
 * The distribution an image variant is built on and the package manager a Dockerfile can use in it.
 *
 * @param family         {@code debian}, {@code ubuntu}, {@code alpine}, {@code distroless}, {@code ubi}, ...
 * @param packageManager {@code apt}, {@code apk}, {@code dnf}, {@code microdnf}, {@code yum}, ..., or {@code none}
 */
public record Family(String family, String packageManager) {

    public boolean hasPackageManager() {
        return !packageManager.equals("none");
    }
}
