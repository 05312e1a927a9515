package dev.dockfit.image;

import dev.dockfit.image.source.LocalImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Opens an image from what the user typed: {@code docker://host[:port]/repo:tag} (or {@code @sha256:...}) for a
 * registry, otherwise a path to an OCI layout directory or an archive ({@code docker save} in any of its shapes,
 * OCI tarball). skopeo-style prefixes {@code docker-archive:}, {@code oci-archive:} and {@code oci:} are accepted,
 * with an optional {@code :REFERENCE} naming one image of several (OCI ref.name or docker-archive RepoTags).
 */
public final class ImageSource {

    /**
     * @param platform           the platform chosen from an image index
     * @param insecureRegistries registries (host[:port]) spoken to over plain HTTP; localhost and 127.0.0.1 always are
     * @param dockerConfig       where basic credentials are read from ({@code ~/.docker/config.json}); may not exist
     */
    public record Options(Platform platform, Set<String> insecureRegistries, Path dockerConfig) {
        public Options {
            platform = platform == null ? Platform.DEFAULT : platform;
            insecureRegistries = insecureRegistries == null ? Set.of() : Set.copyOf(insecureRegistries);
        }

        public static Options defaults() {
            String home = System.getProperty("user.home");
            return new Options(Platform.DEFAULT, Set.of(), home == null ? null : Path.of(home, ".docker", "config.json"));
        }
    }

    private ImageSource() {
    }

    public static Image open(String spec, Options options) {
        if (spec.startsWith("docker://")) {
            return dev.dockfit.image.registry.RegistryImages.open(spec, options);
        }
        for (String prefix : new String[] {"docker-archive:", "oci-archive:", "oci:"}) {
            if (!spec.startsWith(prefix)) continue;
            // skopeo's form PATH[:REFERENCE]; a ':' that belongs to an existing path is part of the path.
            String rest = spec.substring(prefix.length());
            if (!Files.exists(Path.of(rest))) {
                for (int colon = rest.indexOf(':'); colon > 0; colon = rest.indexOf(':', colon + 1)) {
                    Path path = Path.of(rest.substring(0, colon));
                    if (Files.exists(path)) {
                        return LocalImages.open(spec, path, rest.substring(colon + 1), options.platform());
                    }
                }
            }
            return LocalImages.open(spec, Path.of(rest), options.platform());
        }
        return LocalImages.open(spec, Path.of(spec), options.platform());
    }
}
