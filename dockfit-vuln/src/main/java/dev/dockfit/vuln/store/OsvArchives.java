package dev.dockfit.vuln.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads OSV records from a zip (as the OSV bucket's {@code all.zip}) or a directory tree of
 * {@code *.json} files, one record per file, streaming. Zip entries are CRC-checked while read.
 */
public final class OsvArchives {

    private OsvArchives() {
    }

    /** Imports a zip or directory as source {@code import:<absolute path>}. */
    public static ImportStats importPath(VulnStore store, Path path) throws StoreException {
        Path abs = path.toAbsolutePath().normalize();
        if (!Files.exists(abs)) throw new StoreException(path + ": no such file or directory");
        try {
            return store.importDocuments("import:" + abs, documents(abs), false);
        } catch (UncheckedIOException e) {
            throw new StoreException(path + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The records of a zip or directory; reading errors surface as UncheckedIOException during iteration. */
    public static Iterable<VulnStore.Document> documents(Path path) throws StoreException {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
            } catch (IOException e) {
                throw new StoreException(path + ": cannot list: " + e.getMessage(), e);
            }
            return () -> files.stream().map(f -> {
                try {
                    return new VulnStore.Document(f.toString(), Files.readAllBytes(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(new IOException(f + ": cannot read: " + e.getMessage(), e));
                }
            }).iterator();
        }
        return () -> zipEntries(path);
    }

    /** Reads every entry of the zip once, failing on the first bad CRC or truncation. */
    public static int verifyZip(Path zip) throws StoreException {
        int n = 0;
        try {
            for (Iterator<VulnStore.Document> it = zipEntries(zip); it.hasNext(); it.next()) n++;
        } catch (UncheckedIOException e) {
            throw new StoreException(zip.getFileName() + " is corrupt: " + e.getCause().getMessage(), e.getCause());
        }
        return n;
    }

    private static Iterator<VulnStore.Document> zipEntries(Path zip) {
        InputStream raw;
        try {
            raw = Files.newInputStream(zip);
            byte[] magic = raw.readNBytes(4);
            raw.close();
            if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K') throw new ZipException("not a zip file");
            raw = Files.newInputStream(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ZipInputStream in = new ZipInputStream(raw);
        return new Iterator<>() {
            private VulnStore.Document next = advance();

            private VulnStore.Document advance() {
                try {
                    ZipEntry e;
                    while ((e = in.getNextEntry()) != null) {
                        if (!e.isDirectory() && e.getName().endsWith(".json")) {
                            return new VulnStore.Document(zip.getFileName() + "!/" + e.getName(), in.readAllBytes());
                        }
                    }
                    in.close();
                    return null;
                } catch (IOException ex) {
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // the read failure is the one to report
                    }
                    throw new UncheckedIOException(ex);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public VulnStore.Document next() {
                if (next == null) throw new NoSuchElementException();
                VulnStore.Document d = next;
                next = advance();
                return d;
            }
        };
    }
}
