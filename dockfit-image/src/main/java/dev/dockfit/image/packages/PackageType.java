package dev.dockfit.image.packages;

/** Where a package comes from: its package manager, OSV ecosystem family and package-URL type. */
public enum PackageType {
    DEB("deb", "Debian"),
    APK("apk", "Alpine"),
    MAVEN("maven", "Maven"),
    NPM("npm", "npm"),
    PYPI("pypi", "PyPI"),
    GO("golang", "Go");

    private final String purlType;
    private final String ecosystem;

    PackageType(String purlType, String ecosystem) {
        this.purlType = purlType;
        this.ecosystem = ecosystem;
    }

    /** The package-URL type ({@code pkg:<type>/...}). */
    public String purlType() {
        return purlType;
    }

    /**
     * The OSV ecosystem of language packages; for OS packages the family name only, because the
     * release suffix ({@code Debian:12}, {@code Alpine:v3.18}) comes from the detected {@link OsInfo}.
     */
    public String ecosystem() {
        return ecosystem;
    }

    public boolean isOsPackage() {
        return this == DEB || this == APK;
    }
}
