package dev.dockfit.image.fs;

/**
 * One entry of one layer.
 *
 * @param path        absolute, normalised ({@code /etc/passwd}); for a whiteout the path it deletes, for an
 *                    opaque whiteout the directory it empties
 * @param size        bytes of content (regular files only; 0 otherwise)
 * @param mode        permission and special bits ({@code 04755} ...), without the file type
 * @param linkTarget  symlink text as stored, or the normalised absolute path a hard link points to; else null
 * @param contentHash a 64-bit fingerprint of a regular file's content (CRC32C and CRC32), 0 for other types
 * @param content     the bytes, when a {@link CaptureRule} asked for this path; else null
 */
public record FileEntry(String path, EntryType type, long size, int mode, long uid, long gid,
                        String linkTarget, long contentHash, byte[] content) {

    public boolean isFile() {
        return type == EntryType.FILE;
    }

    public boolean isDirectory() {
        return type == EntryType.DIRECTORY;
    }

    public boolean isWhiteout() {
        return type == EntryType.WHITEOUT || type == EntryType.OPAQUE_WHITEOUT;
    }

    public boolean isSetuid() {
        return (mode & 04000) != 0;
    }

    public boolean isSetgid() {
        return (mode & 02000) != 0;
    }

    /** The last path element ({@code passwd} for {@code /etc/passwd}). */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
