package dev.dockfit.cli.server;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A served command's standard output, kept in fixed-size chunks: growing never copies what is already there
 * (a {@code ByteArrayOutputStream} doubled its array a dozen times for a 4.5 MB report, and zeroing and copying
 * those arrays took longer than writing the report), and the chunks go to the client as they are.
 */
final class ChunkedBytes extends OutputStream {
    private static final int CHUNK = 1 << 16;
    private final List<byte[]> full = new ArrayList<>();
    private byte[] current = new byte[CHUNK];
    private int used;

    @Override
    public void write(int b) {
        if (used == current.length) next();
        current[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (used == current.length) next();
            int n = Math.min(len, current.length - used);
            System.arraycopy(b, off, current, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    private void next() {
        full.add(current);
        current = new byte[CHUNK];
        used = 0;
    }

    long size() {
        return (long) full.size() * CHUNK + used;
    }

    void writeTo(OutputStream out) throws IOException {
        for (byte[] chunk : full) out.write(chunk);
        out.write(current, 0, used);
    }
}
