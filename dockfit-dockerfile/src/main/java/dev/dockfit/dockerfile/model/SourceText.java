package dev.dockfit.dockerfile.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The exact bytes of a Dockerfile, with the line index needed to turn byte offsets into positions. */
public final class SourceText {
    /** The bytes as one char per byte: the only copy kept (hot: made for every file linted). */
    private final String byteView;
    private final int[] lineStarts;
    private final int bomLength;
    private final boolean ascii;

    /** Reads {@code bytes} without keeping them: the caller may reuse its array. */
    private SourceText(byte[] bytes) {
        this.byteView = new String(bytes, StandardCharsets.ISO_8859_1);
        // one pass finds the line starts and whether any byte is non-ASCII
        int[] starts = new int[Math.max(16, bytes.length >> 5)];
        int lines = 1;
        int high = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            high |= b;
            if (b == '\n') {
                if (lines == starts.length) starts = Arrays.copyOf(starts, lines * 2);
                starts[lines++] = i + 1;
            }
        }
        this.lineStarts = lines == starts.length ? starts : Arrays.copyOf(starts, lines);
        this.ascii = high >= 0;
        this.bomLength = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
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
        return lineStarts.length;
    }

    /** Byte offset where a 1-based line starts. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** Byte offset where a 1-based line's content ends (before its {@code \n} or {@code \r\n}). */
    public int lineContentEnd(int line) {
        int end = line < lineStarts.length ? lineStarts[line] - 1 : byteView.length();
        if (end > lineStarts[line - 1] && byteView.charAt(end - 1) == '\r' && line < lineStarts.length) end--;
        return end;
    }

    public Position position(int offset) {
        if (offset < 0 || offset > byteView.length()) throw new IndexOutOfBoundsException("offset " + offset);
        int idx = Arrays.binarySearch(lineStarts, offset);
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
