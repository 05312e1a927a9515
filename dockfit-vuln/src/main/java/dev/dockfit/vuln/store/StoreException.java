package dev.dockfit.vuln.store;

/** A store or download failure the user can act on; the message is one line. */
public final class StoreException extends Exception {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
