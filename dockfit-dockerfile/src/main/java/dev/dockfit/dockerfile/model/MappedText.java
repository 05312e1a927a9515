package dev.dockfit.dockerfile.model;

import java.nio.charset.StandardCharsets;

/**
 * Text assembled from pieces of the source (an instruction with its line continuations removed), with
 * the source byte offset of every character, so that an offset found in the text maps back to the file.
 */
public final class MappedText {
    private final String text;
    /** One source offset per char of text, plus the end offset; null when the text is mapped by pieces. */
    private final int[] sourceOffsets;
    /**
     * ASCII text maps piece by piece (hot: made for every instruction, so no per-char array): char i is
     * byte {@code shift + i} of the pieces, and piece k starts at byte pieceAt[k] and source offset pieceSource[k].
     */
    private final int shift;
    private final int[] pieceAt;
    private final int[] pieceSource;
    private final int pieces;
    private final int endOffset;

    private MappedText(String text, int[] sourceOffsets) {
        this.text = text;
        this.sourceOffsets = sourceOffsets;
        this.shift = 0;
        this.pieceAt = null;
        this.pieceSource = null;
        this.pieces = 0;
        this.endOffset = sourceOffsets[text.length()];
    }

    private MappedText(String text, int shift, int[] pieceAt, int[] pieceSource, int pieces, int endOffset) {
        this.text = text;
        this.sourceOffsets = null;
        this.shift = shift;
        this.pieceAt = pieceAt;
        this.pieceSource = pieceSource;
        this.pieces = pieces;
        this.endOffset = endOffset;
    }

    /**
     * Builds the UTF-8 text of byte string {@code bytes}, whose byte i is byte {@code shift + i} of pieces laid
     * end to end: byte j comes from source offset {@code pieceSource[k] + j - pieceAt[k]} for the last piece k
     * with {@code pieceAt[k] <= j}. {@code endOffset} is the source offset just after the last byte. The arrays
     * are kept, not copied: the caller must not change them. {@code asciiSource}: the caller knows every byte
     * is ASCII.
     */
    public static MappedText ofPieces(String bytes, int shift, int endOffset, int[] pieceAt, int[] pieceSource,
                                      int pieces, boolean asciiSource) {
        int length = bytes.length();
        if (asciiSource || isAscii(bytes, 0, length)) {
            return new MappedText(bytes, shift, pieceAt, pieceSource, pieces, endOffset);
        }
        int[] origin = new int[length];
        int k = 0;
        for (int i = 0; i < length; i++) {
            int at = shift + i;
            while (k + 1 < pieces && pieceAt[k + 1] <= at) k++;
            origin[i] = pieceSource[k] + (at - pieceAt[k]);
        }
        return decode(bytes, origin, 0, length, endOffset);
    }

    /**
     * Builds the UTF-8 text of {@code byteView[from, to)} where {@code origin[i]} is the source offset of
     * byte i of the byte view and {@code endOffset} the source offset just after the last byte.
     */
    public static MappedText decode(String byteView, int[] origin, int from, int to, int endOffset) {
        if (isAscii(byteView, from, to)) {
            // one char per byte: the usual case, without a decoder
            int[] offsets = new int[to - from + 1];
            System.arraycopy(origin, from, offsets, 0, to - from);
            offsets[to - from] = endOffset;
            return new MappedText(byteView.substring(from, to), offsets);
        }
        byte[] raw = byteView.substring(from, to).getBytes(StandardCharsets.ISO_8859_1);
        String text = new String(raw, StandardCharsets.UTF_8);
        int[] offsets = new int[text.length() + 1];
        // Walk code points of the decoded text alongside the bytes they came from.
        int b = from;
        int c = 0;
        while (c < text.length()) {
            int cp = text.codePointAt(c);
            int chars = Character.charCount(cp);
            int width = utf8Width(byteView, b, to, cp);
            for (int k = 0; k < chars; k++) offsets[c + k] = origin[b];
            c += chars;
            b += width;
        }
        offsets[text.length()] = endOffset;
        return new MappedText(text, offsets);
    }

    private static boolean isAscii(String byteView, int from, int to) {
        for (int i = from; i < to; i++) if (byteView.charAt(i) >= 0x80) return false;
        return true;
    }

    /** The text of one contiguous span of the source (a heredoc body, a comment). */
    public static MappedText of(SourceText source, Span span) {
        int[] start = {span.start()};
        return ofPieces(source.byteView().substring(span.start(), span.end()), span.start(), span.end(), start, start,
                1, source.isAscii());
    }

    /** Bytes the decoder consumed for code point {@code cp} at byte {@code b}: 1 for a replaced invalid byte. */
    private static int utf8Width(String bytes, int b, int to, int cp) {
        int lead = bytes.charAt(b) & 0xFF;
        if (cp == 0xFFFD && !(lead == 0xEF && b + 2 < to && (bytes.charAt(b + 1) & 0xFF) == 0xBF
                && (bytes.charAt(b + 2) & 0xFF) == 0xBD)) {
            return 1;
        }
        if (cp < 0x80) return 1;
        if (cp < 0x800) return 2;
        if (cp < 0x10000) return 3;
        return 4;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** The source span of chars {@code [from, to)} of this text. */
    public Span span(int from, int to) {
        if (from < 0 || to > text.length() || to < from) {
            throw new IndexOutOfBoundsException("[" + from + "," + to + ") of " + text.length());
        }
        int start = sourceOffset(from);
        int end = to == from ? start : sourceOffset(to - 1) + lastCharBytes(to - 1);
        return new Span(start, Math.max(start, end));
    }

    /** The source offset of char {@code index} (or the end offset for {@code index == length()}). */
    public int sourceOffset(int index) {
        if (sourceOffsets != null) return sourceOffsets[index];
        if (index < 0 || index > text.length()) throw new IndexOutOfBoundsException("index " + index);
        if (index == text.length()) return endOffset;
        int at = shift + index;
        int k = pieces - 1;
        while (pieceAt[k] > at) k--;
        return pieceSource[k] + (at - pieceAt[k]);
    }

    private int lastCharBytes(int index) {
        char ch = text.charAt(index);
        if (Character.isLowSurrogate(ch)) return 0; // counted with its high surrogate
        if (Character.isHighSurrogate(ch)) return 4;
        if (ch < 0x80) return 1;
        if (ch < 0x800) return 2;
        if (ch == 0xFFFD && sourceOffset(index + 1) - sourceOffset(index) == 1) return 1;
        return 3;
    }
}
