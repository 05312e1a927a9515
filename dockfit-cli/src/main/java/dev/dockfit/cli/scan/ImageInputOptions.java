package dev.dockfit.cli.scan;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.UserError;
import dev.dockfit.image.Image;
import dev.dockfit.image.ImageException;
import dev.dockfit.image.ImageSource;
import dev.dockfit.image.Platform;
import dev.dockfit.image.analysis.AnalysisOptions;
import dev.dockfit.vuln.scan.ImageInventory;
import dev.dockfit.vuln.scan.Inventory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** How scan and sbom open an image: platform, registry access, walk threads (a picocli mixin). */
public final class ImageInputOptions {

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", defaultValue = "linux/amd64",
            description = "platform to pick from an image index (default: ${DEFAULT-VALUE})")
    String platform;

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
            description = "speak plain HTTP to this registry (localhost and 127.0.0.1 always are)")
    List<String> insecureRegistries = List.of();

    @Option(names = "--docker-config", paramLabel = "FILE", description = "credentials file (default: ~/.docker/config.json)")
    Path dockerConfig;

    @Option(names = "--threads", paramLabel = "N", description = "layers read at once (default: min(4, cores))")
    Integer threads;

    ImageSource.Options sourceOptions(String command) {
        try {
            Path config = dockerConfig != null ? dockerConfig : ImageSource.Options.defaults().dockerConfig();
            return new ImageSource.Options(Platform.parse(platform), new HashSet<>(insecureRegistries), config);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "dockfit " + command + ": " + e.getMessage());
        }
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
