package dev.dockfit.vuln.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * xerial's driver copies its native library out of the jar into the temp directory and compares the copy byte by
 * byte on every start (about 0.1 s of a 1 s scan). One copy per driver version and platform is kept in the user
 * cache instead and handed to the driver through its own {@code org.sqlite.lib.path} setting. Anything unusual
 * (the setting already given, no library for this platform, an unwritable cache) leaves the driver's own way.
 */
final class SqliteNativeLibrary {
    private static boolean prepared;

    private SqliteNativeLibrary() {
    }

    static synchronized void prepare(Path cacheRoot) {
        if (prepared || System.getProperty("org.sqlite.lib.path") != null) return;
        prepared = true;
        try {
            String folder = LibraryLoaderUtil.getNativeLibResourcePath();
            String name = LibraryLoaderUtil.getNativeLibName();
            URL resource = SQLiteJDBCLoader.class.getResource(folder + "/" + name);
            if (resource == null) return;
            URLConnection connection = resource.openConnection();
            long size = connection.getContentLengthLong();
            Path dir = cacheRoot.resolve("native").resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion()
                    + folder.replace("/org/sqlite/native", "").replace('/', '-'));
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib) || Files.size(lib) != size) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, name, ".tmp");
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                if (Files.size(lib) != size) return;
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException e) {
            // the driver extracts its library itself, as it always does
        }
    }
}
