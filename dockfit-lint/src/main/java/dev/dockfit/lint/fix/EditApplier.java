package dev.dockfit.lint.fix;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies text edits to source bytes. Bytes outside the edited spans are copied unchanged; a line break in a
 * replacement is written as the file's own line ending, so an inserted line matches a CRLF file.
 */
public final class EditApplier {
    private EditApplier() {
    }

    /** {@code \r\n} when the file's first line ends that way, else {@code \n}. */
    public static String lineEnding(byte[] source) {
        for (int i = 0; i < source.length; i++) {
            if (source[i] == '\n') return i > 0 && source[i - 1] == '\r' ? "\r\n" : "\n";
        }
        return "\n";
    }

    /** True when two edits cannot both apply: their spans overlap, or they insert at the same offset. */
    public static boolean conflict(TextEdit a, TextEdit b) {
        if (a.span().overlaps(b.span())) return true;
        if (a.span().start() == b.span().start()) return true;
        boolean aInsideB = a.span().length() == 0 && b.span().start() < a.span().start() && a.span().start() < b.span().end();
        boolean bInsideA = b.span().length() == 0 && a.span().start() < b.span().start() && b.span().start() < a.span().end();
        return aInsideB || bInsideA;
    }

    public static boolean conflict(Fix a, Fix b) {
        for (TextEdit x : a.edits()) for (TextEdit y : b.edits()) if (conflict(x, y)) return true;
        return false;
    }

    /** Applies edits that do not conflict with each other (the caller checks with {@link #conflict}). */
    public static byte[] apply(byte[] source, List<TextEdit> edits) {
        String eol = lineEnding(source);
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt((TextEdit e) -> e.span().start()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(source.length + 64);
        int at = 0;
        for (TextEdit e : sorted) {
            if (e.span().start() < at || e.span().end() > source.length) {
                throw new IllegalArgumentException("edits overlap or run past the end: " + e.span());
            }
            out.write(source, at, e.span().start() - at);
            out.writeBytes(e.replacement().replace("\r\n", "\n").replace("\n", eol).getBytes(StandardCharsets.UTF_8));
            at = e.span().end();
        }
        out.write(source, at, source.length - at);
        return out.toByteArray();
    }
}
