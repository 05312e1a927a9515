package dev.dockfit.image.source;

import dev.dockfit.image.ImageException;
import dev.dockfit.image.blob.Blob;
import dev.dockfit.image.tar.EntryPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * An uncompressed tar archive read by offset: the headers are indexed once, then each blob is a slice of the
 * file read through its own channel, so layers stream in parallel without extracting anything.
 */
final class TarStore implements EntryStore {
    private record Slice(long offset, long size, String linkTarget) {
    }

    private final Path file;
    private final Map<String, Slice> entries = new HashMap<>();

    TarStore(Path file) throws IOException {
        this.file = file;
        try (TarFile tar = new TarFile(file)) {
            for (TarArchiveEntry e : tar.getEntries()) {
                String name = relative(e.getName());
                if (e.isSymbolicLink() || e.isLink()) {
                    String target = e.isSymbolicLink()
                            ? relative(EntryPaths.parent("/" + name) + "/" + e.getLinkName())
                            : relative(e.getLinkName());
                    entries.put(name, new Slice(0, 0, target));
                } else if (e.isFile()) {
                    entries.put(name, new Slice(e.getDataOffset(), e.getSize(), null));
                }
            }
        }
    }

    private String relative(String name) {
        String abs = EntryPaths.normalize(name, file.toString());
        return abs.substring(1);
    }

    @Override
    public Optional<Blob> get(String relativePath) {
        String name = relativePath;
        Slice s = entries.get(name);
        for (int hops = 0; s != null && s.linkTarget() != null && hops < 8; hops++) {
            name = s.linkTarget();
            s = entries.get(name);
        }
        if (s == null || s.linkTarget() != null) return Optional.empty();
        Slice slice = s;
        String shown = file + "!" + name;
        return Optional.of(new Blob() {
            @Override
            public InputStream open() throws IOException {
                return new SliceInputStream(FileChannel.open(file, StandardOpenOption.READ), slice.offset(),
                        slice.size());
            }

            @Override
            public long size() {
                return slice.size();
            }

            @Override
            public String name() {
                return shown;
            }
        });
    }

    @Override
    public void close() {
    }

    /** Reads [offset, offset+size) of a channel it owns. */
    private static final class SliceInputStream extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;

        SliceInputStream(FileChannel channel, long offset, long size) throws IOException {
            this.channel = channel;
            this.position = offset;
            this.end = offset + size;
            if (channel.size() < end) {
                channel.close();
                throw new ImageException("archive is truncated: an entry ends after the end of the file");
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) return -1;
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
            if (n < 0) return -1;
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
