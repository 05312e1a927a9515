package dev.dockfit.dockerfile.parser;

import dev.dockfit.dockerfile.model.MappedText;
import dev.dockfit.dockerfile.model.Span;
import java.util.Arrays;

/**
 * An instruction's lines joined as BuildKit joins them, remembering where each joined piece came from.
 * Most instructions are one piece of one line: then no copy is made, the text is the source itself and
 * logical offsets are source offsets ({@link #text()} over {@code [from(), to())}). With line continuations the
 * pieces are copied, once, into one string whose offsets start at 0.
 */
final class LogicalLine {
    private final String source;
    /** Piece k starts at logical offset pieceAt[k] and source offset pieceSource[k]. */
    private int[] pieceAt = new int[2];
    private int[] pieceSource = new int[2];
    private int pieces;
    private String text = "";
    private int from;
    private int to;
    private int endOffset;

    LogicalLine(String source) {
        this.source = source;
    }

    void append(int start, int end) {
        endOffset = end;
        if (start == end) return;
        if (pieces == pieceAt.length) {
            pieceAt = Arrays.copyOf(pieceAt, pieces * 2);
            pieceSource = Arrays.copyOf(pieceSource, pieces * 2);
        }
        if (pieces == 0) {
            // one piece: logical offsets are source offsets, and the text is the source itself
            pieceAt[0] = start;
            text = source;
            from = start;
        } else {
            if (pieces == 1) {
                pieceAt[0] = 0;
                to -= from;
                from = 0;
            }
            pieceAt[pieces] = to;
            text = null; // joined on demand, at its final size
        }
        pieceSource[pieces] = start;
        pieces++;
        to = pieceAt[pieces - 1] + (end - start);
    }

    /** Where the joined text ends in the source when it ends with a piece appended with no bytes. */
    void markEnd(int offset) {
        if (pieces == 0) endOffset = offset;
    }

    /** The string the logical line is a range of: see {@link #from()} and {@link #to()}. */
    String text() {
        if (text == null) {
            StringBuilder joined = new StringBuilder(to);
            for (int k = 0; k < pieces; k++) {
                int start = pieceSource[k];
                joined.append(source, start, start + pieceLength(k));
            }
            text = joined.toString();
        }
        return text;
    }

    private int pieceLength(int k) {
        return (k + 1 < pieces ? pieceAt[k + 1] : to) - pieceAt[k];
    }

    int from() {
        return from;
    }

    int to() {
        return to;
    }

    /** The joined text alone (a copy when it is a range of the source). */
    String joinedText() {
        return text().substring(from, to);
    }

    /** How many pieces of the source the line joins (each non-empty). */
    int pieces() {
        return pieces;
    }

    /** The source offset where piece {@code k} starts. */
    int pieceStart(int k) {
        return pieceSource[k];
    }

    /** The source offset just after piece {@code k}. */
    int pieceEnd(int k) {
        return pieceSource[k] + pieceLength(k);
    }

    /** The source offset of logical byte {@code i}, {@code from() <= i < to()}. */
    private int origin(int i) {
        int k = pieces - 1;
        while (pieceAt[k] > i) k--;
        return pieceSource[k] + (i - pieceAt[k]);
    }

    /** The source span of logical bytes {@code [start, end)}. */
    Span span(int start, int end) {
        int first = start < to ? origin(start) : endOffset;
        int last = end > start ? origin(end - 1) + 1 : first;
        return new Span(first, Math.max(first, last));
    }

    /**
     * The decoded text of logical bytes {@code [start, end)} mapped to the source; {@code bytes} is that range
     * when the caller already holds it, else null.
     */
    MappedText mapped(int start, int end, String bytes, boolean asciiSource) {
        int endSource = end > start ? origin(end - 1) + 1 : (start < to ? origin(start) : endOffset);
        String cut = bytes != null ? bytes : text().substring(start, end);
        return MappedText.ofPieces(cut, start, endSource, pieceAt, pieceSource, pieces, asciiSource);
    }
}
