package dev.dockfit.vuln.scan;

import dev.dockfit.image.Image;
import dev.dockfit.image.analysis.ImageReport;
import dev.dockfit.image.packages.OsInfo;
import dev.dockfit.image.packages.Package;
import java.util.List;

/**
 * What an image holds: its OS and packages (each with the layer that added it), the image it was read from,
 * its base image and its layers with their history lines.
 */
public record Inventory(OsInfo os, List<Package> packages, Image image, ImageReport.BaseImage baseImage,
                        List<ImageLayer> layers) {

    /**
     * @param digest    the blob digest (from the manifest, or computed when the layer was read); null when neither
     * @param createdBy the history line that produced the layer, or null
     */
    public record ImageLayer(int index, String digest, String diffId, String createdBy) {
    }

    public Inventory {
        packages = List.copyOf(packages);
        layers = List.copyOf(layers);
    }

    /** The history line ({@code created_by}) of the layer that added the package, or empty when unknown. */
    public String createdBy(Package pkg) {
        int i = pkg.layerIndex();
        if (i < 0 || i >= layers.size()) return "";
        String c = layers.get(i).createdBy();
        return c == null ? "" : c;
    }
}
