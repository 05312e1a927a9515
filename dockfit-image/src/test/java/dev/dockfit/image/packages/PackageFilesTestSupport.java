package dev.dockfit.image.packages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Runs {@link PackageFiles#parse} without the checked exception, for tests of single files. */
final class PackageFilesTestSupport {

    private PackageFilesTestSupport() {
    }

    static List<Package> parse(String path, byte[] content) {
        try {
            return PackageFiles.parse(path, content, OsInfo.UNKNOWN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
