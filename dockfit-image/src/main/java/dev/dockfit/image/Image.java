package dev.dockfit.image;

import dev.dockfit.image.hash.Digest;
import java.util.List;
import java.util.Map;

/**
 * An opened image: its config and layer descriptors; the layer bytes are streamed later by the walk. Closing
 * releases the archive or HTTP resources.
 *
 * @param source         the SOURCE as the user gave it
 * @param format         {@code docker-archive}, {@code oci-layout}, {@code oci-archive} or {@code registry}
 * @param manifestDigest digest of the image manifest, or null for a legacy docker-archive
 * @param annotations    the manifest's annotations (base image name/digest live here)
 */
public record Image(String source, String format, Digest manifestDigest, ImageConfig config, List<Layer> layers,
                    Map<String, String> annotations, AutoCloseable resources) implements AutoCloseable {

    public Image {
        layers = List.copyOf(layers);
        annotations = Map.copyOf(annotations);
    }

    @Override
    public void close() {
        try {
            if (resources != null) resources.close();
        } catch (Exception e) {
            // Read-only resources: nothing is lost when closing fails.
        }
    }
}
