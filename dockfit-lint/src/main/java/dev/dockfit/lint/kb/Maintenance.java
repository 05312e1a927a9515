package dev.dockfit.lint.kb;

/** Whether a tag of an official image still gets rebuilt, judged from the tag lists of the knowledge base. */
public enum Maintenance {
    /** The tag is listed: it is rebuilt for security updates. */
    MAINTAINED,
    /**
     * The tag is not listed but its release line is (a pinned older patch such as {@code node:26.6.1}, or a dated
     * snapshot such as {@code debian:bookworm-20240101}): the tag itself is frozen; a listed tag of the same line
     * replaces it.
     */
    FROZEN,
    /** Neither the tag nor its release line (or its variant) is listed, or the image is deprecated and gone. */
    UNMAINTAINED,
    /** Not an image the knowledge base knows, or no tag to judge (a digest only). */
    UNKNOWN
}
