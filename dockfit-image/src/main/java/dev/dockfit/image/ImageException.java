package dev.dockfit.image;

/**
 * An image that cannot be read as claimed: a missing blob, a digest mismatch, a truncated stream, a hostile tar
 * entry, an unreachable registry. The message is one line naming the image part at fault.
 */
public final class ImageException extends RuntimeException {
    public ImageException(String oneLineMessage) {
        super(oneLineMessage);
    }

    public ImageException(String oneLineMessage, Throwable cause) {
        super(oneLineMessage, cause);
    }
}
