package dev.dockfit.image.blob;

import java.io.IOException;
import java.io.InputStream;

/** Bytes that can be streamed (once per call) from an archive, a directory or a registry. */
public interface Blob {
    /** Opens a fresh stream over the whole blob; the caller closes it. */
    InputStream open() throws IOException;

    /** Size in bytes when known without reading, else -1. */
    long size();

    /** How error messages name this blob (archive entry, file, or registry URL). */
    String name();

    /** Reads a small blob (a manifest or config) fully; refuses anything over {@code limit} bytes. */
    default byte[] readAll(int limit) throws IOException {
        try (InputStream in = open()) {
            byte[] data = in.readNBytes(limit + 1);
            if (data.length > limit) throw new IOException(name() + ": larger than " + limit + " bytes");
            return data;
        }
    }
}
