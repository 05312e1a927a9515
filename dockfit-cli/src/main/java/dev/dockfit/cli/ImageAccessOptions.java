package dev.dockfit.cli;

import dev.dockfit.image.ImageSource;
import dev.dockfit.image.Platform;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** How every image command reaches an image: platform choice and registry access (a picocli mixin). */
public final class ImageAccessOptions {

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", defaultValue = "linux/amd64",
            description = "platform to pick from an image index (default: ${DEFAULT-VALUE})")
    String platform;

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
            description = "speak plain HTTP to this registry (localhost and 127.0.0.1 always are)")
    List<String> insecureRegistries = List.of();

    @Option(names = "--docker-config", paramLabel = "FILE", description = "credentials file (default: ~/.docker/config.json)")
    Path dockerConfig;

    /** The options for {@link ImageSource#open}; a bad platform is a usage error naming the command. */
    public ImageSource.Options sourceOptions(String command) {
        try {
            Path config = dockerConfig != null ? dockerConfig : ImageSource.Options.defaults().dockerConfig();
            return new ImageSource.Options(Platform.parse(platform), new HashSet<>(insecureRegistries), config);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "dockfit " + command + ": " + e.getMessage());
        }
    }
}
