package dev.dockfit.dockerfile.parser;

/** The file is not a Dockerfile BuildKit would accept; carries the 1-based line and column of the problem. */
public final class DockerfileParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    public DockerfileParseException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** {@code FILE:LINE:COL: error: MESSAGE}, the one line every command prints for a parse error. */
    public String format(String file) {
        return file + ":" + line + ":" + column + ": error: " + getMessage();
    }
}
