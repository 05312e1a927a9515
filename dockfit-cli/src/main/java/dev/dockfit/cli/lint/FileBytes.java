package dev.dockfit.cli.lint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a Dockerfile whole, as {@link Files#readAllBytes} does, with less work per file: a large request reads
 * thousands, and the reading was a tenth of the lint server's CPU. {@code readAllBytes} reads once more to see the
 * end, and reads into a heap array through a temporary direct buffer; here one read of the size the file has, into
 * a direct buffer the thread keeps. Measured on 2,540 corpus files on C1: 14.9 to 12.2 us per file. A size of 0
 * (pipes, /proc) or past the buffer goes the general way.
 */
final class FileBytes {
    private static final int BUFFER = 1 << 16;
    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BUFFER));

    private FileBytes() {
    }

    static byte[] read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            long size = ch.size();
            if (size == 0 || size > BUFFER) return Files.readAllBytes(file);
            ByteBuffer b = BUFFERS.get();
            b.clear().limit((int) size);
            int n; // below 0 at the end of a file that shrank since its size was read
            do {
                n = ch.read(b);
            } while (n >= 0 && b.hasRemaining());
            byte[] out = new byte[b.position()];
            b.flip().get(out);
            return out;
        }
    }
}
