package dev.dockfit.image.analysis;

import dev.dockfit.finding.Finding;
import dev.dockfit.image.Image;
import dev.dockfit.image.fs.LayerFiles;
import dev.dockfit.image.fs.MergedFilesystem;
import java.util.List;

/**
 * Everything {@code dockfit image} found. {@link #filesystem()} and {@link #layerFiles()} give later analyses
 * (package inventory, vulnerability matching) the walked image without a second read.
 *
 * @param totalFileBytes     sum of the sizes of every regular-file entry in every layer
 * @param finalFileBytes     sum of the sizes of the regular files visible in the final filesystem
 * @param reclaimableBytes   {@code totalFileBytes - finalFileBytes}
 * @param efficiency         {@code finalFileBytes / totalFileBytes} (1 for an image without files)
 * @param history            every history entry in order, empty layers included
 */
public record ImageReport(Image image, List<LayerReport> layers, List<HistoryStep> history, long totalFileBytes,
                          long finalFileBytes, long reclaimableBytes, double efficiency,
                          List<WastedFile> wastedFiles, List<MetadataRewrite> metadataRewrites,
                          DiveEfficiency.Figures dive, List<DiveCi.Result> diveCi, UserInfo user, BaseImage baseImage,
                          List<Leftover> leftovers, List<Finding> findings, MergedFilesystem filesystem,
                          List<LayerFiles> layerFiles) {

    /**
     * One layer.
     *
     * @param historyIndex   index into {@link ImageReport#history()}, or -1 when the history does not cover it
     * @param dockerfileLine 1-based line of the Dockerfile instruction that produced it, or 0 when unknown
     * @param wastedBytes    bytes of regular files of this layer that the final filesystem no longer shows
     * @param base           true when the layer belongs to the base image
     */
    public record LayerReport(int index, String digest, String diffId, String mediaType, long compressedBytes,
                              long uncompressedBytes, int entries, long fileBytes, long wastedBytes,
                              String createdBy, int historyIndex, int dockerfileLine, boolean base) {
    }

    /** @param layer index of the layer this step produced, or -1 for an empty layer */
    public record HistoryStep(int index, String created, String createdBy, boolean emptyLayer, int layer,
                              int dockerfileLine) {
    }

    /** A path whose bytes are stored in layers but not visible at the end (overwritten or deleted). */
    public record WastedFile(String path, long bytes, List<Integer> layers) {
    }

    /** A layer that rewrote files with unchanged content (new owner or mode): the {@code RUN chown -R} cost. */
    public record MetadataRewrite(int layer, String createdBy, int dockerfileLine, int files, long bytes,
                                  List<String> examples) {
    }

    /**
     * The user the container runs as.
     *
     * @param raw    the config's User as written
     * @param uid    resolved uid, or -1 when the name is not in /etc/passwd
     * @param gid    resolved gid, or -1
     * @param name   user name from /etc/passwd, or null
     * @param known  false when a named user or group is missing from /etc/passwd or /etc/group
     */
    public record UserInfo(String raw, long uid, long gid, String name, boolean isRoot, boolean known) {
    }

    /**
     * @param method     {@code annotation}, {@code history} or {@code none}
     * @param layerCount how many bottom layers belong to the base; -1 when unknown
     */
    public record BaseImage(String name, String digest, String method, int layerCount) {
    }

    /** A build leftover in the final image: kind {@code toolchain}, {@code dev-package}, {@code cache} or {@code git}. */
    public record Leftover(String kind, String what, String path, long bytes, int layer, String createdBy,
                           int dockerfileLine) {
    }
}
