package dev.dockfit.dockerfile.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The exact bytes of a Dockerfile, with the line index needed to turn byte offsets into positions. */
public final class SourceText {
    private final byte[] bytes;
    private final String byteView;
    private final int[] lineStarts;
    private final int bomLength;

    private SourceText(byte[] bytes) {
        this.bytes = bytes;
        this.byteView = new String(bytes, StandardCharsets.ISO_8859_1);
        int lines = 1;
        for (byte b : bytes) if (b == '\n') lines++;
        int[] starts = new int[lines];
        int li = 1;
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == '\n') starts[li++] = i + 1;
        this.lineStarts = starts;
        this.bomLength = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    public static SourceText of(byte[] bytes) {
        return new SourceText(bytes.clone());
    }

    public static SourceText of(String text) {
        return new SourceText(text.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** The source as a string of one char per byte (ISO-8859-1): offsets into it are byte offsets. */
    public String byteView() {
        return byteView;
    }

    /** The UTF-8 text of a span. */
    public String text(Span span) {
        return new String(bytes, span.start(), span.length(), StandardCharsets.UTF_8);
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
        int end = line < lineStarts.length ? lineStarts[line] - 1 : bytes.length;
        if (end > lineStarts[line - 1] && bytes[end - 1] == '\r' && line < lineStarts.length) end--;
        return end;
    }

    public Position position(int offset) {
        if (offset < 0 || offset > bytes.length) throw new IndexOutOfBoundsException("offset " + offset);
        int idx = Arrays.binarySearch(lineStarts, offset);
        int line = idx >= 0 ? idx : -idx - 2;
        int start = lineStarts[line];
        if (line == 0) start = Math.min(bomLength, offset);
        int column = 1;
        for (int i = start; i < offset; i++) {
            if ((bytes[i] & 0xC0) != 0x80) column++; // count lead bytes only: one per code point
        }
        return new Position(line + 1, column, offset);
    }

    public Range range(Span span) {
        return new Range(position(span.start()), position(span.end()));
    }
}
