package dev.dockfit.dockerfile.shell;

/**
 * One word of a shell command as written.
 *
 * <p>{@link #literal()} is the word with quotes removed and backslash escapes (and escaped line breaks)
 * applied; parameter expansions and command substitutions stay verbatim ({@code "$HOME/x"} gives
 * {@code $HOME/x}) because their values are not known when the script is analysed.
 */
public final class ShellWord {

    private final String raw;
    private final String literal;
    private final boolean isLiteral;
    private final int start;
    private final int end;

    ShellWord(String raw, String literal, boolean isLiteral, int start, int end) {
        this.raw = raw;
        this.literal = literal;
        this.isLiteral = isLiteral;
        this.start = start;
        this.end = end;
    }

    /** The exact source text, {@code text.substring(start(), end())}. */
    public String raw() {
        return raw;
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
        return raw;
    }
}
