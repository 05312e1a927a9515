package dev.dockfit.lint.config;

/** A configuration file that cannot be used; the message is one line naming the file (and line when known). */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean io;

    ConfigException(String message, boolean io) {
        super(message);
        this.io = io;
    }

    static ConfigException at(String file, int line, String message) {
        return new ConfigException(file + (line > 0 ? ":" + line : "") + ": " + message, false);
    }

    /** True when the file could not be read (an I/O error), false when its content is wrong. */
    public boolean isIo() {
        return io;
    }
}
