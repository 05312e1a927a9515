package dev.dockfit.dockerfile.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** The exact bytes of a Dockerfile, with the line index needed to turn byte offsets into positions. */
public final class SourceText {
    /** The bytes as one char per byte: the only copy kept (hot: made for every file linted). */
    private final String byteView;
    /** The start of each line in its first lineCount entries (not trimmed: no second copy). */
    private final int[] lineStarts;
    private final int lineCount;
    private final int bomLength;
    private final boolean ascii;

    /** Reads {@code bytes} without keeping them: the caller may reuse its array. */
    private SourceText(byte[] bytes) {
        this.byteView = new String(bytes, StandardCharsets.ISO_8859_1);
        // one pass finds the line starts (the parser reads its lines from them) and whether any byte is non-ASCII;
        // hot: four bytes a step, as C1 does not unroll loops, and most steps hold no newline
        int[] starts = new int[Math.max(16, bytes.length >> 5)];
        int lines = 1;
        int high = 0;
        int i = 0;
        for (; i + 4 <= bytes.length; i += 4) {
            int b0 = bytes[i];
            int b1 = bytes[i + 1];
            int b2 = bytes[i + 2];
            int b3 = bytes[i + 3];
            high |= b0 | b1 | b2 | b3;
            if (b0 == '\n' || b1 == '\n' || b2 == '\n' || b3 == '\n') {
                for (int j = i; j < i + 4; j++) {
                    if (bytes[j] == '\n') starts = withLine(starts, lines++, j + 1);
                }
            }
        }
        for (; i < bytes.length; i++) {
            high |= bytes[i];
            if (bytes[i] == '\n') starts = withLine(starts, lines++, i + 1);
        }
        this.lineStarts = starts;
        this.lineCount = lines;
        this.ascii = high >= 0;
        this.bomLength = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    /** {@code starts} with line {@code line} (0-based) starting at {@code offset}, grown when full. */
    private static int[] withLine(int[] starts, int line, int offset) {
        int[] out = line == starts.length ? Arrays.copyOf(starts, line * 2) : starts;
        out[line] = offset;
        return out;
    }

    public static SourceText of(byte[] bytes) {
        return new SourceText(bytes);
    }

    public static SourceText of(String text) {
        return new SourceText(text.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] bytes() {
        return byteView.getBytes(StandardCharsets.ISO_8859_1);
    }

    public int length() {
        return byteView.length();
    }

    /** The source as a string of one char per byte (ISO-8859-1): offsets into it are byte offsets. */
    public String byteView() {
        return byteView;
    }

    /** True when every byte is ASCII: then the byte view is also the decoded text. */
    public boolean isAscii() {
        return ascii;
    }

    /** The UTF-8 text of a span. */
    public String text(Span span) {
        byte[] bytes = byteView.substring(span.start(), span.end()).getBytes(StandardCharsets.ISO_8859_1);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public int lineCount() {
        return lineCount;
    }

    /** Byte offset where a 1-based line starts. */
    public int lineStart(int line) {
        return lineStarts[Objects.checkIndex(line - 1, lineCount)];
    }

    /** Byte offset where a 1-based line's content ends (before its {@code \n} or {@code \r\n}). */
    public int lineContentEnd(int line) {
        Objects.checkIndex(line - 1, lineCount);
        int end = line < lineCount ? lineStarts[line] - 1 : byteView.length();
        if (end > lineStarts[line - 1] && byteView.charAt(end - 1) == '\r' && line < lineCount) end--;
        return end;
    }

    public Position position(int offset) {
        if (offset < 0 || offset > byteView.length()) throw new IndexOutOfBoundsException("offset " + offset);
        int idx = Arrays.binarySearch(lineStarts, 0, lineCount, offset);
        int line = idx >= 0 ? idx : -idx - 2;
        int start = lineStarts[line];
        if (line == 0) start = Math.min(bomLength, offset);
        int column = 1 + (offset - start);
        if (!ascii) {
            for (int i = start; i < offset; i++) {
                if ((byteView.charAt(i) & 0xC0) == 0x80) column--; // count lead bytes only: one per code point
            }
        }
        return new Position(line + 1, column, offset);
    }

    public Range range(Span span) {
        return new Range(position(span.start()), position(span.end()));
    }
}
