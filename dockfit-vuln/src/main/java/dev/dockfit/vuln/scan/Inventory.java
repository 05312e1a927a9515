package dev.dockfit.vuln.scan;

import dev.dockfit.image.analysis.ImageReport;
import dev.dockfit.image.packages.OsInfo;
import dev.dockfit.image.packages.Package;
import java.util.List;

/**
 * What an image holds: its OS and packages (each with the layer that added it), and the walk's report that
 * names the layers and history lines.
 */
public record Inventory(OsInfo os, List<Package> packages, ImageReport report) {

    public Inventory {
        packages = List.copyOf(packages);
    }

    /** The history line ({@code created_by}) of the layer that added the package, or empty when unknown. */
    public String createdBy(Package pkg) {
        int i = pkg.layerIndex();
        if (i < 0 || i >= report.layers().size()) return "";
        String c = report.layers().get(i).createdBy();
        return c == null ? "" : c;
    }
}
