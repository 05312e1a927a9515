package dev.dockfit.image.packages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the module build information the Go linker embeds in executables: the {@code .go.buildinfo}
 * section of an ELF file holds the Go version and the module list ({@code mod}, {@code dep} and
 * {@code =>} replacement lines). Go 1.18+ stores both strings inline; older binaries store pointers to
 * string headers, resolved here through the section table.
 */
public final class GoBuildInfo {

    private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    private static final Pattern GO_VERSION = Pattern.compile("go(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    /** No real module list comes near this; a larger length means the bytes are not build info. */
    private static final int MAX_BLOB = 16 << 20;

    /** What a binary says about itself: its Go toolchain version, main module and dependencies. */
    public record Info(String goVersion, String path, String mainModule, String mainVersion, List<Module> deps) {
    }

    /** A module as linked (after any {@code =>} replacement). */
    public record Module(String path, String version) {
    }

    private GoBuildInfo() {
    }

    /** True when {@code head} (the first bytes of a file) starts like an ELF executable. */
    public static boolean isElf(byte[] head) {
        return head.length >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
    }

    /** The build info of an ELF executable; empty for non-ELF files and binaries not built by Go. */
    public static Optional<Info> read(byte[] elf) {
        try {
            return Optional.ofNullable(new Elf(elf).buildInfo());
        } catch (IndexOutOfBoundsException | IllegalArgumentException | java.nio.BufferUnderflowException e) {
            return Optional.empty(); // truncated or corrupt: not a readable Go binary
        }
    }

    /**
     * The packages of a Go binary: the main module and deps (except {@code (devel)} ones, built from
     * local directories, which no registry version describes) and the standard library.
     */
    public static List<Package> packages(byte[] elf, String path) {
        return packages(read(elf), path);
    }

    /**
     * Like {@link #packages(byte[], String)}, reading the binary as a stream (no file-sized buffer): the
     * build info blob is found by its magic at a 16-byte boundary, as Go's own tools do for files whose
     * sections they cannot read. Only the Go 1.18+ inline format can be read this way.
     */
    public static List<Package> packages(InputStream elf, String path) throws IOException {
        return packages(read(elf), path);
    }

    /** The build info of an ELF executable read as a stream; see {@link #packages(InputStream, String)}. */
    public static Optional<Info> read(InputStream in) throws IOException {
        byte[] head = in.readNBytes(4);
        if (!isElf(head)) return Optional.empty();
        // A window over the stream; 'offset' is the file offset of window[0].
        byte[] window = new byte[1 << 16];
        System.arraycopy(head, 0, window, 0, 4);
        int filled = 4 + in.readNBytes(window, 4, window.length - 4);
        long offset = 0;
        while (true) {
            int firstAligned = (int) ((16 - offset % 16) % 16);
            for (int at = firstAligned; at + 32 <= filled; at += 16) {
                if (!startsWithMagic(window, at)) continue;
                if ((window[at + 15] & 2) == 0) return Optional.empty(); // pointer format: needs the section table
                byte[] blob = new byte[filled - at];
                System.arraycopy(window, at, blob, 0, blob.length);
                // The two strings follow the 32-byte header; read on until both are complete.
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                all.writeBytes(blob);
                while (true) {
                    try {
                        return Optional.ofNullable(inline(ByteBuffer.wrap(all.toByteArray()), 0));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty(); // not build info after all
                    } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
                        byte[] more = in.readNBytes(1 << 16);
                        if (more.length == 0 || all.size() > MAX_BLOB) return Optional.empty();
                        all.writeBytes(more);
                    }
                }
            }
            if (filled < window.length) return Optional.empty(); // end of stream
            // Keep the last 32 bytes (a header may straddle the boundary), aligned so offsets stay 16-aligned.
            int keep = 32;
            System.arraycopy(window, filled - keep, window, 0, keep);
            offset += filled - keep;
            filled = keep + in.readNBytes(window, keep, window.length - keep);
            if (filled == keep) return Optional.empty();
        }
    }

    private static boolean startsWithMagic(byte[] b, int at) {
        for (int k = 0; k < MAGIC.length; k++) {
            if (b[at + k] != MAGIC[k]) return false;
        }
        return true;
    }

    /** Parses the inline (Go 1.18+) blob starting at {@code base}; null when the version string is empty. */
    private static Info inline(ByteBuffer buf, int base) {
        int[] pos = {base + 32};
        String version = varintString(buf, pos);
        String mod = varintString(buf, pos);
        return finish(version, mod);
    }

    private static Info finish(String version, String mod) {
        if (version == null || version.isEmpty()) return null;
        if (mod != null && mod.length() >= 33 && mod.charAt(mod.length() - 17) == '\n') {
            mod = mod.substring(16, mod.length() - 16); // strip the 16-byte sentinels
        }
        return parseModInfo(version, mod == null ? "" : mod);
    }

    private static String varintString(ByteBuffer buf, int[] pos) {
        long len = 0;
        int shift = 0;
        while (true) {
            int b = buf.get(pos[0]++) & 0xff;
            len |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) break;
            shift += 7;
            if (shift > 63) throw new IllegalArgumentException("bad varint");
        }
        if (len > MAX_BLOB) throw new IllegalArgumentException("implausible build info length");
        byte[] out = new byte[(int) len];
        buf.get(pos[0], out);
        pos[0] += out.length;
        return new String(out, StandardCharsets.UTF_8);
    }

    private static List<Package> packages(Optional<Info> info, String path) {
        if (info.isEmpty()) return List.of();
        String where = PackagePaths.normalize(path);
        List<Package> out = new ArrayList<>();
        Info i = info.get();
        if (i.mainModule() != null && i.mainVersion() != null && !i.mainVersion().equals("(devel)")) {
            out.add(module(i.mainModule(), i.mainVersion(), where));
        }
        for (Module m : i.deps()) {
            if (!m.version().equals("(devel)")) out.add(module(m.path(), m.version(), where));
        }
        Matcher gv = GO_VERSION.matcher(i.goVersion());
        if (gv.lookingAt()) {
            String v = "v" + gv.group(1) + "." + gv.group(2) + "." + (gv.group(3) == null ? "0" : gv.group(3));
            out.add(new Package("stdlib", v, PackageType.GO, null, null, where, PackageUrl.of("golang", null, "stdlib", v, null), -1));
        }
        return out;
    }

    private static Package module(String path, String version, String where) {
        int slash = path.lastIndexOf('/');
        String namespace = slash > 0 ? path.substring(0, slash) : null;
        String name = slash > 0 ? path.substring(slash + 1) : path;
        return new Package(path, version, PackageType.GO, null, null, where, PackageUrl.of("golang", namespace, name, version, null), -1);
    }

    /** Just enough of ELF: the section table, to find the build info and to resolve addresses. */
    private static final class Elf {
        private final ByteBuffer buf;
        private final boolean is64;
        private final List<long[]> sections = new ArrayList<>(); // {addr, offset, size, type}
        private long buildInfoIndex = -1;

        Elf(byte[] bytes) {
            if (!isElf(bytes)) throw new IllegalArgumentException("not ELF");
            is64 = bytes[4] == 2;
            buf = ByteBuffer.wrap(bytes).order(bytes[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            long shoff = is64 ? buf.getLong(0x28) : Integer.toUnsignedLong(buf.getInt(0x20));
            int shentsize = Short.toUnsignedInt(buf.getShort(is64 ? 0x3A : 0x2E));
            int shnum = Short.toUnsignedInt(buf.getShort(is64 ? 0x3C : 0x30));
            int shstrndx = Short.toUnsignedInt(buf.getShort(is64 ? 0x3E : 0x32));
            List<Integer> names = new ArrayList<>();
            for (int k = 0; k < shnum; k++) {
                int h = Math.toIntExact(shoff + (long) k * shentsize);
                names.add(buf.getInt(h));
                long type = Integer.toUnsignedLong(buf.getInt(h + 4));
                long addr = is64 ? buf.getLong(h + 16) : Integer.toUnsignedLong(buf.getInt(h + 12));
                long off = is64 ? buf.getLong(h + 24) : Integer.toUnsignedLong(buf.getInt(h + 16));
                long size = is64 ? buf.getLong(h + 32) : Integer.toUnsignedLong(buf.getInt(h + 20));
                sections.add(new long[] {addr, off, size, type});
            }
            if (shstrndx >= sections.size()) return;
            long strOff = sections.get(shstrndx)[1];
            for (int k = 0; k < shnum; k++) {
                if (cString(strOff + names.get(k)).equals(".go.buildinfo")) buildInfoIndex = k;
            }
        }

        Info buildInfo() {
            if (buildInfoIndex < 0) return null;
            long[] s = sections.get((int) buildInfoIndex);
            int base = Math.toIntExact(s[1]);
            for (int k = 0; k < MAGIC.length; k++) {
                if (buf.get(base + k) != MAGIC[k]) return null;
            }
            int ptrSize = buf.get(base + 14);
            int flags = buf.get(base + 15);
            if ((flags & 2) != 0) return inline(buf, base);
            ByteOrder order = (flags & 1) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            String version = stringAt(pointer(base + 16, ptrSize, order), ptrSize, order);
            String mod = stringAt(pointer(base + 16 + ptrSize, ptrSize, order), ptrSize, order);
            return finish(version, mod);
        }

        private long pointer(int at, int size, ByteOrder order) {
            ByteBuffer b = buf.duplicate().order(order);
            return size == 8 ? b.getLong(at) : Integer.toUnsignedLong(b.getInt(at));
        }

        /** Reads a Go string header (data pointer, length) at virtual address {@code addr}. */
        private String stringAt(long addr, int ptrSize, ByteOrder order) {
            int hdr = fileOffset(addr);
            if (hdr < 0) return null;
            long data = pointer(hdr, ptrSize, order);
            long len = pointer(hdr + ptrSize, ptrSize, order);
            int at = fileOffset(data);
            if (at < 0 || len < 0 || len > buf.capacity()) return null;
            byte[] out = new byte[(int) len];
            buf.get(at, out);
            return new String(out, StandardCharsets.UTF_8);
        }

        private int fileOffset(long addr) {
            for (long[] s : sections) {
                boolean noBits = s[3] == 8;
                if (!noBits && s[0] != 0 && addr >= s[0] && addr < s[0] + s[2]) return Math.toIntExact(s[1] + (addr - s[0]));
            }
            return -1;
        }

        private String cString(long off) {
            int start = Math.toIntExact(off);
            int end = start;
            while (buf.get(end) != 0) end++;
            byte[] out = new byte[end - start];
            buf.get(start, out);
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    static Info parseModInfo(String goVersion, String mod) {
        String path = null;
        String main = null;
        String mainVersion = null;
        List<Module> deps = new ArrayList<>();
        for (String line : mod.split("\n")) {
            String[] f = line.split("\t");
            switch (f[0]) {
                case "path" -> path = f.length > 1 ? f[1] : null;
                case "mod" -> {
                    if (f.length > 2) {
                        main = f[1];
                        mainVersion = f[2];
                    }
                }
                case "dep" -> {
                    if (f.length > 2) deps.add(new Module(f[1], f[2]));
                }
                case "=>" -> {
                    // Replaces the line before; a replacement by a local directory has no version and keeps the original.
                    if (f.length > 2 && !f[2].isEmpty() && !deps.isEmpty()) deps.set(deps.size() - 1, new Module(f[1], f[2]));
                }
                default -> { }
            }
        }
        return new Info(goVersion, path, main, mainVersion, deps);
    }
}
