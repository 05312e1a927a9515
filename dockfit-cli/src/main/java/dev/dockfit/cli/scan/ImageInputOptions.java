package dev.dockfit.cli.scan;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.ImageAccessOptions;
import dev.dockfit.cli.UserError;
import dev.dockfit.image.Image;
import dev.dockfit.image.ImageException;
import dev.dockfit.image.ImageSource;
import dev.dockfit.image.analysis.AnalysisOptions;
import dev.dockfit.vuln.scan.ImageInventory;
import dev.dockfit.vuln.scan.Inventory;
import dev.dockfit.vuln.scan.LayerInventoryCache;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How scan and sbom open an image: registry access, walk threads and the layer cache (a picocli mixin). */
public final class ImageInputOptions {

    @Mixin
    ImageAccessOptions access;

    @Option(names = "--threads", paramLabel = "N", description = "layers read at once (default: min(4, cores))")
    Integer threads;

    @Option(names = "--layer-cache", paramLabel = "DIR",
            description = "packages found per layer, by diffID (default: 'layers' next to the database directory)")
    Path layerCache;

    @Option(names = "--no-layer-cache", description = "read every layer, neither using nor filling the layer cache")
    boolean noLayerCache;

    ImageSource.Options sourceOptions(String command) {
        return access.sourceOptions(command);
    }

    /** The layer cache to use, next to {@code dbDir} unless given; null with --no-layer-cache. */
    LayerInventoryCache layerCache(Path dbDir) {
        if (noLayerCache) return null;
        return new LayerInventoryCache(layerCache != null ? layerCache : LayerInventoryCache.defaultDirectory(dbDir));
    }

    /**
     * Opens the image and reads its inventory (one pass over each layer the cache does not hold); a bad image is
     * a one-line error with exit 3.
     */
    Inventory inventory(String command, String source, LayerInventoryCache cache) {
        ImageSource.Options options = sourceOptions(command);
        try (Image image = ImageSource.open(source, options)) {
            return ImageInventory.of(image, threads != null ? threads : AnalysisOptions.defaultThreads(), cache, null);
        } catch (ImageException e) {
            throw new UserError(ExitCodes.IO, "dockfit " + command + ": " + e.getMessage(), e);
        }
    }
}
