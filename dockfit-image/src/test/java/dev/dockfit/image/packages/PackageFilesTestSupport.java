package dev.dockfit.image.packages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Runs {@link PackageFiles#parse} without the checked exception, for tests of single files. */
final class PackageFilesTestSupport {

    private PackageFilesTestSupport() {
    }

    /** As a layer walk would: offered only when {@link PackageFiles#wants} says so, then streamed. */
    static List<Package> parseStream(String path, byte[] content, int mode) {
        if (!PackageFiles.wants(path, mode)) return List.of();
        try {
            return PackageFiles.parse(path, new java.io.ByteArrayInputStream(content), OsInfo.UNKNOWN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Package> parse(String path, byte[] content) {
        try {
            return PackageFiles.parse(path, content, OsInfo.UNKNOWN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
