package dev.dockfit.image.packages;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes minimal little-endian ELF64 files with named sections, to test build-info reading byte by byte. */
final class TestElf {

    private record Section(String name, long addr, byte[] data) {
    }

    private final List<Section> sections = new ArrayList<>();

    TestElf section(String name, long addr, byte[] data) {
        sections.add(new Section(name, addr, data));
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream strtab = new ByteArrayOutputStream();
        strtab.write(0);
        List<Integer> nameOffsets = new ArrayList<>();
        for (Section s : sections) {
            nameOffsets.add(strtab.size());
            strtab.writeBytes((s.name + "\0").getBytes(StandardCharsets.US_ASCII));
        }
        int shstrName = strtab.size();
        strtab.writeBytes(".shstrtab\0".getBytes(StandardCharsets.US_ASCII));
        byte[] str = strtab.toByteArray();

        int offset = 64;
        List<Integer> offsets = new ArrayList<>();
        for (Section s : sections) {
            offsets.add(offset);
            offset += s.data.length;
        }
        int strOffset = offset;
        offset += str.length;
        int shoff = (offset + 7) & ~7;
        int shnum = sections.size() + 2;
        ByteBuffer b = ByteBuffer.allocate(shoff + shnum * 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(16, (short) 2).putShort(18, (short) 62).putInt(20, 1);
        b.putLong(0x28, shoff).putShort(0x34, (short) 64).putShort(0x3A, (short) 64)
                .putShort(0x3C, (short) shnum).putShort(0x3E, (short) (shnum - 1));
        for (int k = 0; k < sections.size(); k++) b.put(offsets.get(k), sections.get(k).data);
        b.put(strOffset, str);
        for (int k = 0; k < sections.size(); k++) {
            int h = shoff + (k + 1) * 64;
            Section s = sections.get(k);
            b.putInt(h, nameOffsets.get(k)).putInt(h + 4, 1).putLong(h + 16, s.addr).putLong(h + 24, offsets.get(k))
                    .putLong(h + 32, s.data.length);
        }
        int h = shoff + (shnum - 1) * 64;
        b.putInt(h, shstrName).putInt(h + 4, 3).putLong(h + 24, strOffset).putLong(h + 32, str.length);
        return b.array();
    }

    /** The Go 1.18+ build-info blob: header, then the two varint-prefixed strings. */
    static byte[] inlineBuildInfo(String goVersion, String modInfo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1));
        out.write(8);
        out.write(2);
        out.writeBytes(new byte[16]);
        for (String s : new String[] {goVersion, sentinels(modInfo)}) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            int len = bytes.length;
            while (len >= 0x80) {
                out.write((len & 0x7f) | 0x80);
                len >>>= 7;
            }
            out.write(len);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** The module info as the linker stores it: 16 bytes of sentinel on each side. */
    static String sentinels(String modInfo) {
        return "0123456789abcdef" + modInfo + "fedcba9876543210";
    }
}
