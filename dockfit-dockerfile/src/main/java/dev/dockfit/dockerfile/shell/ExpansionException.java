package dev.dockfit.dockerfile.shell;

/** A word that a build would reject: unterminated quote, bad {@code ${...}}, {@code ${VAR:?message}} ... */
public final class ExpansionException extends Exception {

    private final int offset;

    public ExpansionException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Char index into the expanded word where the offending construct starts. */
    public int offset() {
        return offset;
    }
}
