package dev.dockfit.image.fs;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the content of chosen regular files to a consumer during the one pass over each layer, for files too
 * large or too many to capture (jars, binaries, package manifests). Called from the layer-reading threads, so
 * implementations must be thread-safe; results should be keyed by layer and path, because a file seen in a layer
 * may be deleted or replaced by a later one (check {@link MergedFilesystem#get} before keeping a result).
 * When several visitors want the same file, each is given it if it is at most 1 MiB; a larger file goes to the
 * first visitor only.
 */
public interface ContentVisitor {
    /** Decides from the header alone ({@code mode} holds the permission bits, e.g. 0755). */
    boolean wants(String path, long size, int mode);

    /**
     * Reads as much of the content as it needs (the rest is skipped); must not close the stream. An
     * IOException ends the walk with an error naming the layer.
     */
    void visit(int layer, String path, long size, int mode, InputStream content) throws IOException;
}
