package dev.dockfit.image.packages;

import java.util.Objects;

/**
 * One installed package found in an image.
 *
 * @param name          binary package name (dpkg/apk), {@code group:artifact} (Maven), npm name with scope,
 *                      PyPI project name as written, Go module path
 * @param version       installed version as the package database records it
 * @param sourceName    dpkg source package, apk origin; equals {@code name} when the database names none
 * @param sourceVersion version of the source package (dpkg {@code Source: foo (1.2-3)}); else {@code version}
 * @param path          file the package was read from, relative to the image root (no leading slash);
 *                      for a jar inside a jar, {@code outer.jar!/BOOT-INF/lib/inner.jar}
 * @param purl          package URL
 * @param layerIndex    index of the layer that added the package, or -1 until the image walk sets it
 */
public record Package(String name, String version, PackageType type, String sourceName, String sourceVersion,
                      String path, String purl, int layerIndex) {

    public Package {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(purl, "purl");
        if (sourceName == null || sourceName.isEmpty()) sourceName = name;
        if (sourceVersion == null || sourceVersion.isEmpty()) sourceVersion = version;
    }

    /** The same package, attributed to the layer with the given index. */
    public Package withLayerIndex(int index) {
        return new Package(name, version, type, sourceName, sourceVersion, path, purl, index);
    }

    /** The same package found at another path (e.g. a jar's entry under its outer jar). */
    public Package withPath(String newPath) {
        return new Package(name, version, type, sourceName, sourceVersion, newPath, purl, layerIndex);
    }
}
