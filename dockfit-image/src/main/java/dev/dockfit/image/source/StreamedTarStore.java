package dev.dockfit.image.source;

import dev.dockfit.image.blob.Blob;
import dev.dockfit.image.blob.Compression;
import dev.dockfit.image.tar.EntryPaths;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A compressed archive ({@code docker save | gzip}): no offsets to seek to, so each blob is reached by streaming
 * the archive from the start. Costs one inflate of the archive per blob; nothing is extracted.
 */
final class StreamedTarStore implements EntryStore {
    private final Path file;
    private final Compression compression;
    private final Map<String, Long> sizes = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();

    StreamedTarStore(Path file, Compression compression) throws IOException {
        this.file = file;
        this.compression = compression;
        try (TarArchiveInputStream tar = openTar()) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String name = relative(e.getName());
                if (e.isSymbolicLink()) {
                    links.put(name, relative(EntryPaths.parent("/" + name) + "/" + e.getLinkName()));
                } else if (e.isLink()) {
                    links.put(name, relative(e.getLinkName()));
                } else if (e.isFile()) {
                    sizes.put(name, e.getSize());
                }
            }
        }
    }

    private TarArchiveInputStream openTar() throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return new TarArchiveInputStream(compression.decompress(raw));
    }

    private String relative(String name) {
        return EntryPaths.normalize(name, file.toString()).substring(1);
    }

    @Override
    public Optional<Blob> get(String relativePath) {
        String name = relativePath;
        for (int hops = 0; links.containsKey(name) && hops < 8; hops++) name = links.get(name);
        Long size = sizes.get(name);
        if (size == null) return Optional.empty();
        String target = name;
        return Optional.of(new Blob() {
            @Override
            public InputStream open() throws IOException {
                TarArchiveInputStream tar = openTar();
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    if (e.isFile() && relative(e.getName()).equals(target)) {
                        return new FilterInputStream(tar) {
                        };
                    }
                }
                tar.close();
                throw new IOException(file + ": entry " + target + " vanished");
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public String name() {
                return file + "!" + target;
            }
        });
    }

    @Override
    public void close() {
    }
}
