package dev.dockfit.image.packages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One entry point for the image walk: which files hold package metadata, and their packages.
 * The walk offers each regular file whose path {@link #isPackageFile} accepts (by name alone), plus
 * executable files that start with the ELF magic (Go binaries cannot be told apart by name).
 */
public final class PackageFiles {

    private PackageFiles() {
    }

    /**
     * True when a walk should offer the file: a package database or manifest by its path, or an
     * executable ({@code mode} has an x bit) that may be a Go binary.
     */
    public static boolean wants(String path, int mode) {
        return isPackageFile(path) || (mode & 0111) != 0;
    }

    /**
     * The packages of one file read as a stream (not closed): archives and executables are read without
     * buffering the whole file; metadata files are small and read whole.
     */
    public static List<Package> parse(String path, InputStream content, OsInfo os) throws IOException {
        if (JarPackages.isArchive(path)) return JarPackages.parse(content, path);
        if (isPackageFile(path)) return parse(path, content.readAllBytes(), os);
        return GoBuildInfo.packages(content, path);
    }

    /** True when the path alone marks a package database or manifest. */
    public static boolean isPackageFile(String path) {
        return DpkgDatabase.isDatabase(path) || ApkDatabase.isDatabase(path) || JarPackages.isArchive(path)
                || NpmPackage.isManifest(path) || PythonPackage.isMetadata(path);
    }

    /**
     * The packages in one file. {@code os} qualifies OS package URLs (pass {@link OsInfo#UNKNOWN} when
     * not yet known). Throws IOException with a one-line message naming the path for corrupt archives
     * and malformed JSON manifests; other unreadable files simply yield no package.
     */
    public static List<Package> parse(String path, byte[] content, OsInfo os) throws IOException {
        if (DpkgDatabase.isDatabase(path)) return DpkgDatabase.parse(content, path, os);
        if (ApkDatabase.isDatabase(path)) return ApkDatabase.parse(content, path, os);
        if (JarPackages.isArchive(path)) return JarPackages.parse(new ByteArrayInputStream(content), path);
        if (NpmPackage.isManifest(path)) return NpmPackage.parse(content, path).map(List::of).orElse(List.of());
        if (PythonPackage.isMetadata(path)) return PythonPackage.parse(content, path).map(List::of).orElse(List.of());
        if (GoBuildInfo.isElf(content)) return GoBuildInfo.packages(content, path);
        return List.of();
    }
}
