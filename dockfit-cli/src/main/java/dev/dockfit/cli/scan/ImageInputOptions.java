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
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How scan and sbom open an image: registry access and walk threads (a picocli mixin). */
public final class ImageInputOptions {

    @Mixin
    ImageAccessOptions access;

    @Option(names = "--threads", paramLabel = "N", description = "layers read at once (default: min(4, cores))")
    Integer threads;

    ImageSource.Options sourceOptions(String command) {
        return access.sourceOptions(command);
    }

    /** Opens the image and reads its inventory in one pass; a bad image is a one-line error with exit 3. */
    Inventory inventory(String command, String source) {
        ImageSource.Options options = sourceOptions(command);
        AnalysisOptions analysis = new AnalysisOptions(List.of(), List.of(), null, null,
                threads != null ? threads : AnalysisOptions.defaultThreads(), null);
        try (Image image = ImageSource.open(source, options)) {
            return ImageInventory.of(image, analysis);
        } catch (ImageException e) {
            throw new UserError(ExitCodes.IO, "dockfit " + command + ": " + e.getMessage(), e);
        }
    }
}
