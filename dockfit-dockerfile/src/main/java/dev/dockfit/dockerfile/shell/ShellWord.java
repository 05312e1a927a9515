package dev.dockfit.dockerfile.shell;

/**
 * One word of a shell command as written.
 *
 * <p>{@link #literal()} is the word with quotes removed and backslash escapes (and escaped line breaks)
 * applied; parameter expansions and command substitutions stay verbatim ({@code "$HOME/x"} gives
 * {@code $HOME/x}) because their values are not known when the script is analysed.
 */
public final class ShellWord {

    /** The analysed text; the word's strings are cut from it when first asked (most words are never asked). */
    private final String source;
    /** Null until {@link #raw()} is first asked: an immutable String, so a racy first cut is harmless. */
    private String raw;
    /** A plain word's literal is its raw text, null until asked; other words' literals are made by the lexer. */
    private String literal;
    private final boolean plain;
    private final boolean isLiteral;
    private final int start;
    private final int end;

    /** A plain word: no quote, escape, expansion or substitution, so its literal is its source text. */
    ShellWord(String source, int start, int end) {
        this.source = source;
        this.plain = true;
        this.isLiteral = true;
        this.start = start;
        this.end = end;
    }

    /** A word whose literal differs from its source text (quotes, escapes, expansions). */
    ShellWord(String source, int start, int end, String literal, boolean isLiteral) {
        this.source = source;
        this.literal = literal;
        this.plain = false;
        this.isLiteral = isLiteral;
        this.start = start;
        this.end = end;
    }

    /** The exact source text, {@code text.substring(start(), end())}. */
    public String raw() {
        String cut = raw;
        if (cut == null) raw = cut = source.substring(start, end);
        return cut;
    }

    /** The first character of a non-empty word's source text. */
    char first() {
        return source.charAt(start);
    }

    /** Whether the source text is exactly {@code text}, compared in place. */
    boolean isSpelled(String text) {
        return end - start == text.length() && source.startsWith(text, start);
    }

    /** Whether the word has no quote, escape, expansion or substitution: then its literal is its source text. */
    boolean isPlain() {
        return plain;
    }

    /** The value with quotes removed and escapes applied; {@code $VAR}, {@code ${...}}, {@code $(...)} kept. */
    public String literal() {
        String value = literal;
        if (value == null) literal = value = raw(); // only plain words start without one
        return value;
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
