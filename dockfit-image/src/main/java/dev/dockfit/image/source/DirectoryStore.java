package dev.dockfit.image.source;

import dev.dockfit.image.blob.Blob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** An OCI layout directory; paths that would leave the directory are treated as absent. */
final class DirectoryStore implements EntryStore {
    private final Path root;

    DirectoryStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<Blob> get(String relativePath) {
        Path p = root.resolve(relativePath).normalize();
        if (!p.startsWith(root) || !Files.isRegularFile(p)) return Optional.empty();
        return Optional.of(new Blob() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(p);
            }

            @Override
            public long size() {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public String name() {
                return p.toString();
            }
        });
    }

    @Override
    public void close() {
    }
}
