package dev.dockfit.dockerfile.parser;

import dev.dockfit.dockerfile.model.MappedText;
import dev.dockfit.dockerfile.model.Span;
import java.util.Arrays;

/**
 * An instruction's lines joined as BuildKit joins them, remembering where each joined piece came from.
 * Most instructions are one piece of one line: then no copy is made, the text is the source itself and
 * logical offsets are source offsets ({@link #text()} over {@code [from(), to())}). With line continuations the
 * pieces are copied into one string whose offsets start at 0.
 */
final class LogicalLine {
    private final String source;
    /** Piece k starts at logical offset pieceAt[k] and source offset pieceSource[k]. */
    private int[] pieceAt = new int[2];
    private int[] pieceSource = new int[2];
    private int pieces;
    private StringBuilder joined;
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
        if (pieces == 0) {
            pieceAt[0] = start;
            pieceSource[0] = start;
            pieces = 1;
            text = source;
            from = start;
            to = end;
            return;
        }
        if (joined == null) {
            joined = new StringBuilder((to - from) + (end - start) + 64).append(source, from, to);
            pieceAt[0] = 0;
            from = 0;
        }
        if (pieces == pieceAt.length) {
            pieceAt = Arrays.copyOf(pieceAt, pieces * 2);
            pieceSource = Arrays.copyOf(pieceSource, pieces * 2);
        }
        pieceAt[pieces] = joined.length();
        pieceSource[pieces] = start;
        pieces++;
        joined.append(source, start, end);
        to = joined.length();
        text = null;
    }

    /** Where the joined text ends in the source when it ends with a piece appended with no bytes. */
    void markEnd(int offset) {
        if (pieces == 0) endOffset = offset;
    }

    /** The string the logical line is a range of: see {@link #from()} and {@link #to()}. */
    String text() {
        if (text == null) text = joined.toString();
        return text;
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

    /** True when the logical text holds {@code <<}. */
    boolean containsHeredocOperator() {
        String t = text();
        for (int i = from; i + 1 < to; i++) {
            if (t.charAt(i) == '<' && t.charAt(i + 1) == '<') return true;
        }
        return false;
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

    /** The decoded text of logical bytes {@code [start, end)} mapped to the source. */
    MappedText mapped(int start, int end, boolean asciiSource) {
        int endSource = end > start ? origin(end - 1) + 1 : (start < to ? origin(start) : endOffset);
        return MappedText.ofPieces(text(), start, end, endSource, pieceAt, pieceSource, pieces, asciiSource);
    }
}
