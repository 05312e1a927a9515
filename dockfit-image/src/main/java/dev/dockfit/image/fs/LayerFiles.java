package dev.dockfit.image.fs;

import dev.dockfit.image.hash.Digest;
import java.util.List;

/**
 * What one streaming pass over a layer found.
 *
 * @param entries           the entries in tar order (the root entry and tar metadata entries left out)
 * @param compressedBytes   bytes of the blob as stored
 * @param uncompressedBytes bytes of the tar stream
 * @param digest            digest of the stored blob (verified when the manifest gave one)
 * @param diffId            digest of the tar stream (verified when the config gave one)
 */
public record LayerFiles(List<FileEntry> entries, long compressedBytes, long uncompressedBytes,
                         Digest digest, Digest diffId) {

    /** Sum of the sizes of the regular files in this layer. */
    public long fileBytes() {
        long sum = 0;
        for (FileEntry e : entries) if (e.isFile()) sum += e.size();
        return sum;
    }
}
