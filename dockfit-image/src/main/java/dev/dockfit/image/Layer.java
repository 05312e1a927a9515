package dev.dockfit.image;

import dev.dockfit.image.blob.Blob;
import dev.dockfit.image.hash.Digest;

/**
 * A layer as the manifest describes it, not yet read.
 *
 * @param mediaType null when the source does not say (docker-archive); the walk then sniffs the compression
 * @param digest    the blob digest to verify, or null when the source gives none
 * @param size      the stored size claimed by the manifest, or the entry size; -1 when unknown
 * @param diffId    the uncompressed digest from the config, or null
 */
public record Layer(int index, Blob blob, String mediaType, Digest digest, long size, Digest diffId) {
}
