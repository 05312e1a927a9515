package dev.dockfit.vuln.osv;

/** An OSV document that cannot be read; the message is one line naming what is wrong. */
public final class OsvFormatException extends Exception {
    public OsvFormatException(String message) {
        super(message);
    }

    public OsvFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
