package dev.dockfit.image.source;

import dev.dockfit.image.blob.Blob;
import java.io.Closeable;
import java.util.Optional;

/** Named files of an image on disk: entries of an archive, or files below an OCI layout directory. */
interface EntryStore extends Closeable {
    /** The entry at a relative path ({@code manifest.json}, {@code blobs/sha256/ab..}); links are followed. */
    Optional<Blob> get(String relativePath);

    @Override
    void close();
}
