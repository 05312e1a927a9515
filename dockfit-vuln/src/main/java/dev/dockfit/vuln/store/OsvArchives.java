package dev.dockfit.vuln.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockfit.vuln.osv.AlpineSecdb;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads OSV records from a zip (as the OSV bucket's {@code all.zip}), a directory tree of
 * {@code *.json} files (one record per file) or a single such file, streaming. Zip entries are
 * CRC-checked while read. Alpine secdb files ({@code *.yaml}, or JSON with {@code distroversion}) are
 * converted to OSV records on the way ({@link AlpineSecdb}), stamped with the file's modification time.
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

    /** The records of a zip, directory or file; reading errors surface as UncheckedIOException during iteration. */
    public static Iterable<VulnStore.Document> documents(Path path) throws StoreException {
        if (Files.isDirectory(path) || isRecordFile(path.getFileName().toString())) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(p -> isRecordFile(p.getFileName().toString()) && Files.isRegularFile(p)).sorted().toList();
            } catch (IOException e) {
                throw new StoreException(path + ": cannot list: " + e.getMessage(), e);
            }
            return () -> files.stream().flatMap(f -> {
                try {
                    return expand(f.toString(), Files.readAllBytes(f), Files.getLastModifiedTime(f).toInstant()).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(new IOException(f + ": cannot read: " + e.getMessage(), e));
                }
            }).iterator();
        }
        return () -> zipEntries(path);
    }

    private static boolean isRecordFile(String name) {
        return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** One OSV document, or the records of an Alpine secdb file. */
    private static List<VulnStore.Document> expand(String origin, byte[] content, Instant modified) {
        boolean yaml = origin.endsWith(".yaml") || origin.endsWith(".yml");
        if (yaml || mentionsDistroversion(content)) {
            JsonNode secdb = AlpineSecdb.read(content);
            if (secdb != null) {
                return AlpineSecdb.toOsv(secdb, modified.truncatedTo(ChronoUnit.SECONDS).toString()).stream()
                        .map(json -> new VulnStore.Document(origin, json)).toList();
            }
        }
        return List.of(new VulnStore.Document(origin, content));
    }

    private static boolean mentionsDistroversion(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 512), StandardCharsets.UTF_8);
        return head.contains("\"distroversion\"");
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
            private final Deque<VulnStore.Document> pending = new ArrayDeque<>();
            private VulnStore.Document next = advance();

            private VulnStore.Document advance() {
                try {
                    ZipEntry e;
                    while (pending.isEmpty() && (e = in.getNextEntry()) != null) {
                        if (!e.isDirectory() && isRecordFile(e.getName())) {
                            Instant time = e.getLastModifiedTime() != null ? e.getLastModifiedTime().toInstant() : Instant.EPOCH;
                            pending.addAll(expand(zip.getFileName() + "!/" + e.getName(), in.readAllBytes(), time));
                        }
                    }
                    if (!pending.isEmpty()) return pending.poll();
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
