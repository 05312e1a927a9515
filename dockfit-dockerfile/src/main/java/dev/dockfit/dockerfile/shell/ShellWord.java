package dev.dockfit.dockerfile.shell;

/**
 * One word of a shell command as written.
 *
 * <p>{@link #literal()} is the word with quotes removed and backslash escapes (and escaped line breaks)
 * applied; parameter expansions and command substitutions stay verbatim ({@code "$HOME/x"} gives
 * {@code $HOME/x}) because their values are not known when the script is analysed.
 */
public final class ShellWord {

    /** The analysed text while {@link #raw} is not cut from it yet, else null. */
    private final String source;
    private String raw;
    private final String literal;
    private final boolean isLiteral;
    private final int start;
    private final int end;

    ShellWord(String raw, String literal, boolean isLiteral, int start, int end) {
        this.source = null;
        this.raw = raw;
        this.literal = literal;
        this.isLiteral = isLiteral;
        this.start = start;
        this.end = end;
    }

    /**
     * A word whose literal differs from its source text (quotes, escapes, expansions): the source text is cut
     * from {@code source} only when asked, which few callers do.
     */
    ShellWord(String source, int start, int end, String literal, boolean isLiteral) {
        this.source = source;
        this.literal = literal;
        this.isLiteral = isLiteral;
        this.start = start;
        this.end = end;
    }

    /** The exact source text, {@code text.substring(start(), end())}. */
    public String raw() {
        if (raw == null) raw = source.substring(start, end); // an immutable String: a racy first cut is harmless
        return raw;
    }

    /** Whether the source text is exactly {@code text}, compared in place. */
    boolean isSpelled(String text) {
        if (end - start != text.length()) return false;
        return raw != null ? raw.equals(text) : source.startsWith(text, start);
    }

    /** Whether the word has no quote, escape, expansion or substitution: then its literal is its source text. */
    boolean isPlain() {
        return source == null;
    }

    /**
     * {@code NAME=value}, {@code NAME+=value}, {@code NAME[index]=value}: checked by hand on the source text, with
     * no Matcher and no cut (hot: asked of the first words of every command).
     */
    boolean isAssignment() {
        String text = raw != null ? raw : source;
        int from = raw != null ? 0 : start;
        int to = from + (end - start);
        if (from == to || !ShellLexer.isNameStart(text.charAt(from))) return false;
        int i = from + 1;
        while (i < to && ShellLexer.isNameChar(text.charAt(i))) i++;
        if (i < to && text.charAt(i) == '[') {
            int close = text.indexOf(']', i + 1);
            if (close < 0 || close >= to) return false;
            i = close + 1;
        }
        if (i < to && text.charAt(i) == '+') i++;
        return i < to && text.charAt(i) == '=';
    }

    /** The value with quotes removed and escapes applied; {@code $VAR}, {@code ${...}}, {@code $(...)} kept. */
    public String literal() {
        return literal;
    }

    /** True when the word holds no parameter expansion, command, arithmetic or process substitution. */
    public boolean isLiteral() {
        return isLiteral;
    }

    /** Char offset of the first character in the analysed text. */
    public int start() {
        return start;
    }

    /** Char offset just past the last character. */
    public int end() {
        return end;
    }

    @Override
    public String toString() {
        return raw();
    }
}
