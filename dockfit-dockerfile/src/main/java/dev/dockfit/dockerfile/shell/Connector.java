package dev.dockfit.dockerfile.shell;

/** The control operator between two commands of a script. */
public enum Connector {
    /** {@code &&}: the next command runs only if this one succeeded. */
    AND,
    /** {@code ||}: the next command runs only if this one failed. */
    OR,
    /** {@code ;} */
    SEQ,
    /** {@code |} or {@code |&} */
    PIPE,
    /** {@code &}: this command runs in the background. */
    BACKGROUND,
    /** An unescaped line break. */
    NEWLINE,
    /** Nothing: start or end of the script, of a command substitution, or of a {@code case} branch. */
    END
}
