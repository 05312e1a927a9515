package dev.dockfit.image.tar;

import dev.dockfit.image.ImageException;
import dev.dockfit.image.blob.Blob;
import dev.dockfit.image.blob.Compression;
import dev.dockfit.image.fs.CaptureRule;
import dev.dockfit.image.fs.ContentVisitor;
import dev.dockfit.image.fs.EntryType;
import dev.dockfit.image.fs.FileEntry;
import dev.dockfit.image.fs.LayerFiles;
import dev.dockfit.image.hash.Digest;
import dev.dockfit.image.hash.DigestingInputStream;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads one layer blob in a single streaming pass: decompresses, checks the blob digest and the diffID, and lists
 * every entry. Content is only kept for paths a {@link CaptureRule} asks for; nothing is written to disk.
 */
public final class LayerWalker {
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";
    private static final int BUFFER = 1 << 16;
    /** Up to this size a file several visitors want is read once and handed to each; larger ones to the first. */
    private static final long SHARED_CONTENT_LIMIT = 1 << 20;

    private final List<CaptureRule> captureRules;
    private final List<ContentVisitor> visitors;

    public LayerWalker(List<CaptureRule> captureRules) {
        this(captureRules, List.of());
    }

    public LayerWalker(List<CaptureRule> captureRules, List<ContentVisitor> visitors) {
        this.captureRules = List.copyOf(captureRules);
        this.visitors = List.copyOf(visitors);
    }

    /**
     * @param mediaType      the descriptor's media type, or null to detect the compression from the bytes
     * @param expectedDigest the blob digest to verify, or null when the source does not give one
     * @param expectedDiffId the tar stream digest to verify, or null
     */
    /** @param layer the layer's index, passed on to {@link ContentVisitor}s */
    public LayerFiles walk(int layer, Blob blob, String mediaType, Digest expectedDigest, Digest expectedDiffId) {
        String what = "layer " + blob.name();
        String digestAlgorithm = expectedDigest == null ? "sha256" : expectedDigest.algorithm();
        String diffIdAlgorithm = expectedDiffId == null ? "sha256" : expectedDiffId.algorithm();
        try (InputStream raw = blob.open()) {
            DigestingInputStream stored = new DigestingInputStream(raw, digestAlgorithm);
            BufferedInputStream buffered = new BufferedInputStream(stored, BUFFER);
            Compression compression = Compression.fromMediaType(mediaType);
            if (compression == null || compression == Compression.NONE) compression = Compression.sniff(buffered);
            // An uncompressed blob is the tar stream itself: one hash checks both the digest and the diffID.
            boolean oneStream = compression == Compression.NONE && digestAlgorithm.equals(diffIdAlgorithm);
            // The diffID is hashed below the tar reader's buffer, in the chunks the decompressor fills it with,
            // rather than in the 512-byte headers and file-sized pieces the tar reader asks for.
            DigestingInputStream tarStream = oneStream ? stored
                    : new DigestingInputStream(compression.decompress(buffered), diffIdAlgorithm);
            InputStream tarBytes = oneStream ? buffered : new BufferedInputStream(tarStream, BUFFER);
            List<FileEntry> entries = readEntries(layer, tarBytes, what);
            // What the tar reader left (the end-of-archive blocks, any tail) still counts towards both digests;
            // bytes already in a buffer were hashed when it was filled.
            if (oneStream) buffered.transferTo(OutputStream.nullOutputStream());
            tarStream.drain();
            stored.drain();
            Digest digest = stored.result();
            Digest diffId = oneStream ? digest : tarStream.result();
            DigestingInputStream.check(diffId, expectedDiffId, what + " (uncompressed, diffID)");
            DigestingInputStream.check(digest, expectedDigest, what);
            return new LayerFiles(List.copyOf(entries), stored.count(), tarStream.count(), digest, diffId);
        } catch (EOFException e) {
            throw new ImageException(what + ": truncated (unexpected end of data)", e);
        } catch (ZipException e) {
            throw new ImageException(what + ": corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (msg.toLowerCase(java.util.Locale.ROOT).contains("truncated")) msg = "truncated (" + msg + ")";
            throw new ImageException(what + ": " + msg, e);
        }
    }

    private List<FileEntry> readEntries(int layer, InputStream tarStream, String what) throws IOException {
        List<FileEntry> entries = new ArrayList<>();
        // The tar stream is closed by the caller's blob stream; closing here would stop digesting the tail.
        TarArchiveInputStream tar = new TarArchiveInputStream(tarStream, BUFFER);
        byte[] buf = new byte[BUFFER];
        CRC32C crc32c = new CRC32C();
        CRC32 crc32 = new CRC32();
        TarArchiveEntry te;
        while ((te = tar.getNextEntry()) != null) {
            String path = EntryPaths.normalize(te.getName(), what);
            if (path.equals("/")) continue;
            String name = path.substring(path.lastIndexOf('/') + 1);
            String dir = EntryPaths.parent(path);
            int mode = te.getMode() & 07777;
            long uid = te.getLongUserId();
            long gid = te.getLongGroupId();
            if (name.equals(OPAQUE)) {
                entries.add(new FileEntry(dir, EntryType.OPAQUE_WHITEOUT, 0, mode, uid, gid, null, 0, null));
                continue;
            }
            if (name.startsWith(WHITEOUT + WHITEOUT)) continue; // AUFS bookkeeping (hard-link dirs), not a file
            if (name.startsWith(WHITEOUT)) {
                String target = EntryPaths.child(dir, name.substring(WHITEOUT.length()));
                entries.add(new FileEntry(target, EntryType.WHITEOUT, 0, mode, uid, gid, null, 0, null));
                continue;
            }
            EntryType type = typeOf(te);
            if (type == null) continue;
            String link = null;
            if (type == EntryType.SYMLINK) link = te.getLinkName();
            if (type == EntryType.HARDLINK) link = EntryPaths.normalize(te.getLinkName(), what);
            long size = type == EntryType.FILE ? te.getSize() : 0;
            long hash = 0;
            byte[] content = null;
            if (type == EntryType.FILE) {
                crc32c.reset();
                crc32.reset();
                java.io.ByteArrayOutputStream kept = wants(path, size) ? new java.io.ByteArrayOutputStream((int) size) : null;
                ContentStream stream = new ContentStream(tar, size, crc32c, crc32, kept);
                List<ContentVisitor> wanting = visitorsFor(path, size, mode);
                if (wanting.size() == 1 || (wanting.size() > 1 && size > SHARED_CONTENT_LIMIT)) {
                    wanting.get(0).visit(layer, path, size, mode, stream);
                } else if (wanting.size() > 1) {
                    byte[] shared = stream.readAllBytes();
                    for (ContentVisitor v : wanting) {
                        v.visit(layer, path, size, mode, new java.io.ByteArrayInputStream(shared));
                    }
                }
                stream.drain(buf);
                hash = (crc32c.getValue() << 32) | crc32.getValue();
                if (kept != null) content = kept.toByteArray();
            }
            entries.add(new FileEntry(path, type, size, mode, uid, gid, link, hash, content));
        }
        return entries;
    }

    private List<ContentVisitor> visitorsFor(String path, long size, int mode) {
        List<ContentVisitor> wanting = null;
        for (ContentVisitor v : visitors) {
            if (!v.wants(path, size, mode)) continue;
            if (wanting == null) wanting = new ArrayList<>(2);
            wanting.add(v);
        }
        return wanting == null ? List.of() : wanting;
    }

    private boolean wants(String path, long size) {
        for (CaptureRule rule : captureRules) {
            if (rule.wants(path, size)) return true;
        }
        return false;
    }

    private static EntryType typeOf(TarArchiveEntry te) {
        if (te.isDirectory()) return EntryType.DIRECTORY;
        if (te.isSymbolicLink()) return EntryType.SYMLINK;
        if (te.isLink()) return EntryType.HARDLINK;
        if (te.isCharacterDevice()) return EntryType.CHAR_DEVICE;
        if (te.isBlockDevice()) return EntryType.BLOCK_DEVICE;
        if (te.isFIFO()) return EntryType.FIFO;
        if (te.isFile()) return EntryType.FILE;
        return null; // global/extended headers are folded into the entries by commons-compress
    }

    /** One file's content: bounded to its size, fingerprinted and (when asked) kept as it is read. */
    private static final class ContentStream extends InputStream {
        private final InputStream tar;
        private final CRC32C crc32c;
        private final CRC32 crc32;
        private final java.io.ByteArrayOutputStream kept;
        private final byte[] one = new byte[1];
        private long remaining;

        ContentStream(InputStream tar, long size, CRC32C crc32c, CRC32 crc32, java.io.ByteArrayOutputStream kept) {
            this.tar = tar;
            this.remaining = size;
            this.crc32c = crc32c;
            this.crc32 = crc32;
            this.kept = kept;
        }

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) return -1;
            int n = tar.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) throw new EOFException();
            crc32c.update(b, off, n);
            crc32.update(b, off, n);
            if (kept != null) kept.write(b, off, n);
            remaining -= n;
            return n;
        }

        @Override
        public void close() {
            // the tar stream belongs to the walk
        }

        void drain(byte[] buf) throws IOException {
            while (read(buf, 0, buf.length) >= 0) {
                // fingerprinting happens in read
            }
        }
    }
}
