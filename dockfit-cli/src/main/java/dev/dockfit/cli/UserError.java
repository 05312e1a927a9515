package dev.dockfit.cli;

/** A failure caused by the user's input or environment: printed as one line, with its exit code. */
public final class UserError extends RuntimeException {
    private final int exitCode;

    public UserError(int exitCode, String oneLineMessage) {
        super(oneLineMessage);
        this.exitCode = exitCode;
    }

    public UserError(int exitCode, String oneLineMessage, Throwable cause) {
        super(oneLineMessage, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
