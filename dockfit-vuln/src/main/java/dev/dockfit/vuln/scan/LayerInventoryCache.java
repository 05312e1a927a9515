package dev.dockfit.vuln.scan;

import dev.dockfit.image.fs.EntryType;
import dev.dockfit.image.fs.FileEntry;
import dev.dockfit.image.hash.Digest;
import dev.dockfit.image.packages.Package;
import dev.dockfit.image.packages.PackageType;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * {@link LayerInventory}s by layer diffID, one file per layer under {@code <dir>/v<FORMAT>/}, so a scan reads
 * only the layers it has not seen. A diffID names the layer's uncompressed content, which is all the inventory
 * depends on. Files are written to a temporary name and renamed into place, so concurrent runs see a whole
 * file or none; a file that is damaged, of another format, or for another diffID counts as a miss and is
 * rewritten.
 */
public final class LayerInventoryCache {

    /**
     * Bumped whenever what a layer records or how packages are parsed from files changes: an older cache then
     * simply misses.
     */
    static final int FORMAT = 1;
    private static final int MAGIC = 0x44464c49; // "DFLI"
    private static final int END = 0x454e4421;   // "END!"

    private final Path dir;

    public LayerInventoryCache(Path dir) {
        this.dir = dir.resolve("v" + FORMAT);
    }

    /** {@code layers} next to the vulnerability database directory ({@code ~/.cache/dockfit/layers} by default). */
    public static Path defaultDirectory(Path vulnDbDir) {
        Path parent = vulnDbDir.toAbsolutePath().getParent();
        return (parent == null ? vulnDbDir.toAbsolutePath() : parent).resolve("layers");
    }

    Path file(Digest diffId) {
        return dir.resolve(diffId.algorithm() + "-" + diffId.hex());
    }

    /** The cached inventory of the layer with this diffID; empty when absent or unreadable. */
    public Optional<LayerInventory> get(Digest diffId) {
        Path file = file(diffId);
        if (!Files.isRegularFile(file)) return Optional.empty();
        Inflater inflater = new Inflater();
        try (InflaterInputStream in = new InflaterInputStream(Files.newInputStream(file), inflater, 1 << 16)) {
            return Optional.ofNullable(read(ByteBuffer.wrap(in.readAllBytes()), diffId));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged or foreign: the layer is read again and the file rewritten
        } finally {
            inflater.end();
        }
    }

    /** Stores an inventory under its diffID; failures are ignored (the cache only saves time). */
    public void put(LayerInventory layer) {
        if (layer.diffId() == null) return;
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "layer", ".tmp");
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (OutputStream file = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                         new DeflaterOutputStream(file, deflater, 1 << 16), 1 << 16))) {
                write(out, layer);
            } finally {
                deflater.end();
            }
            Files.move(tmp, file(layer.diffId()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException | RuntimeException e) {
            // A read-only or full cache directory costs a re-read next time, nothing more.
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // left for the next run to overwrite; temporary names never collide with entries
                }
            }
        }
    }

    private static void write(DataOutputStream out, LayerInventory l) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        string(out, l.diffId().toString());
        string(out, l.digest() == null ? null : l.digest().toString());
        out.writeLong(l.compressedBytes());
        out.writeLong(l.uncompressedBytes());
        out.writeInt(l.entries().size());
        for (FileEntry e : l.entries()) {
            string(out, e.path());
            out.writeByte(e.type().ordinal());
            out.writeLong(e.size());
            out.writeInt(e.mode());
            out.writeLong(e.uid());
            out.writeLong(e.gid());
            string(out, e.linkTarget());
            out.writeLong(e.contentHash());
            bytes(out, e.content());
        }
        out.writeInt(l.packages().size());
        for (var found : l.packages().entrySet()) {
            string(out, found.getKey());
            out.writeInt(found.getValue().size());
            for (Package p : found.getValue()) {
                string(out, p.name());
                string(out, p.version());
                out.writeByte(p.type().ordinal());
                string(out, p.sourceName());
                string(out, p.sourceVersion());
                string(out, p.path());
                string(out, p.purl());
            }
        }
        out.writeInt(END);
    }

    /** Parses a whole file (read at once: far cheaper than a stream of small reads at start-up). */
    private static LayerInventory read(ByteBuffer in, Digest diffId) {
        if (in.getInt() != MAGIC || in.getInt() != FORMAT || !diffId.toString().equals(string(in))) return null;
        String digest = string(in);
        long compressed = in.getLong();
        long uncompressed = in.getLong();
        int n = count(in);
        EntryType[] types = EntryType.values();
        List<FileEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(new FileEntry(string(in), types[in.get() & 0xff], in.getLong(), in.getInt(), in.getLong(),
                    in.getLong(), string(in), in.getLong(), bytes(in)));
        }
        int paths = count(in);
        PackageType[] packageTypes = PackageType.values();
        TreeMap<String, List<Package>> packages = new TreeMap<>();
        for (int i = 0; i < paths; i++) {
            String path = string(in);
            int k = count(in);
            List<Package> list = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                list.add(new Package(string(in), string(in), packageTypes[in.get() & 0xff], string(in), string(in),
                        string(in), string(in), -1));
            }
            packages.put(path, list);
        }
        if (in.getInt() != END || in.hasRemaining()) return null;
        return new LayerInventory(diffId, digest == null ? null : Digest.parse(digest), compressed, uncompressed,
                entries, packages);
    }

    private static int count(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) throw new IllegalArgumentException("bad count " + n);
        return n;
    }

    private static String string(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0) return null;
        String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    private static byte[] bytes(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0) return null;
        if (n > in.remaining()) throw new IllegalArgumentException("bad length " + n);
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        bytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(b.length);
            out.write(b);
        }
    }
}
