package dev.dockfit.image.fs;

/** What a layer tar entry is; the two whiteout kinds are the OCI deletion markers, not files. */
public enum EntryType {
    FILE, DIRECTORY, SYMLINK, HARDLINK, CHAR_DEVICE, BLOCK_DEVICE, FIFO,
    /** {@code .wh.NAME}: deletes NAME (and everything below it) from the lower layers. */
    WHITEOUT,
    /** {@code .wh..wh..opq}: hides everything the lower layers have in this directory. */
    OPAQUE_WHITEOUT
}
