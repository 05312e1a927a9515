package dev.dockfit.dockerfile.parser;

import dev.dockfit.dockerfile.model.MappedText;
import dev.dockfit.dockerfile.model.Span;
import java.util.Arrays;

/** An instruction's lines joined as BuildKit joins them, remembering the source offset of every byte. */
final class LogicalLine {
    private final StringBuilder text = new StringBuilder();
    private int[] origin = new int[64];
    private int endOffset;

    void append(String source, int from, int to) {
        int at = text.length();
        if (origin.length < at + (to - from)) {
            origin = Arrays.copyOf(origin, Math.max(origin.length * 2, at + (to - from)));
        }
        for (int i = from; i < to; i++) origin[at++] = i;
        text.append(source, from, to);
        endOffset = to;
    }

    /** Where the joined text ends in the source when it ends with a piece appended with no bytes. */
    void markEnd(int offset) {
        if (text.length() == 0) endOffset = offset;
    }

    String text() {
        return text.toString();
    }

    int length() {
        return text.length();
    }

    /** The source span of logical bytes {@code [from, to)}. */
    Span span(int from, int to) {
        int start = from < text.length() ? origin[from] : endOffset;
        int end = to > from ? origin[to - 1] + 1 : start;
        return new Span(start, Math.max(start, end));
    }

    MappedText mapped(String lineText, int from, int to) {
        int end = to > from ? origin[to - 1] + 1 : (from < text.length() ? origin[from] : endOffset);
        return MappedText.decode(lineText, origin, from, to, end);
    }
}
