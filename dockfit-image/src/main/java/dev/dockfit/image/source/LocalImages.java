package dev.dockfit.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockfit.image.Image;
import dev.dockfit.image.ImageConfig;
import dev.dockfit.image.ImageException;
import dev.dockfit.image.Layer;
import dev.dockfit.image.Platform;
import dev.dockfit.image.blob.Blob;
import dev.dockfit.image.blob.Compression;
import dev.dockfit.image.hash.Digest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Images on disk: an OCI layout directory, or an archive holding an OCI layout (OCI tarball, Docker 25+ and
 * containerd {@code save} output) or only a Docker {@code manifest.json} (legacy {@code docker save}, buildah's
 * docker-archive, kaniko). An archive with an {@code index.json} is read as OCI: it carries blob digests and
 * annotations that the legacy manifest lacks.
 */
public final class LocalImages {
    private LocalImages() {
    }

    public static Image open(String source, Path path, Platform platform) {
        return open(source, path, null, platform);
    }

    /**
     * @param reference the tag (OCI {@code ref.name}, or a docker-archive's RepoTags entry) choosing one image of
     *                  several in the layout or archive; null for the only (or first) one
     */
    public static Image open(String source, Path path, String reference, Platform platform) {
        if (!Files.exists(path)) throw new ImageException(source + ": no such file or directory");
        try {
            if (Files.isDirectory(path)) {
                EntryStore store = new DirectoryStore(path);
                if (store.get("index.json").isEmpty()) {
                    throw new ImageException(source + ": directory is not an OCI layout (no index.json)");
                }
                return fromStore(source, "oci-layout", store, reference, platform);
            }
            Compression compression;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
                compression = Compression.sniff((BufferedInputStream) in);
            }
            EntryStore store = compression == Compression.NONE ? new TarStore(path)
                    : new StreamedTarStore(path, compression);
            return fromStore(source, null, store, reference, platform);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ImageException(source + ": cannot read archive (" + msg + ")", e);
        }
    }

    private static Image fromStore(String source, String format, EntryStore store, String reference,
                                   Platform platform) {
        try {
            Optional<Blob> index = store.get("index.json");
            if (index.isPresent()) {
                ManifestResolver resolver = new ManifestResolver(d -> store.get(blobPath(d)), platform, source);
                ManifestResolver.Resolved r = resolver.fromIndex(index.get().readAll(8 << 20), reference);
                return new Image(source, format == null ? "oci-archive" : format, r.manifestDigest(), r.config(),
                        r.layers(), r.annotations(), store);
            }
            Optional<Blob> manifest = store.get("manifest.json");
            if (manifest.isPresent()) return dockerArchive(source, store, manifest.get().readAll(8 << 20), reference);
            throw new ImageException(source + ": not an image archive (neither index.json nor manifest.json)");
        } catch (IOException e) {
            store.close();
            throw new ImageException(source + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    static String blobPath(Digest d) {
        return "blobs/" + d.algorithm() + "/" + d.hex();
    }

    /** {@code docker save} legacy shape: manifest.json names the config file and the layer files in order. */
    private static Image dockerArchive(String source, EntryStore store, byte[] manifestJson, String reference)
            throws IOException {
        JsonNode root = ManifestResolver.JSON.readTree(manifestJson);
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new ImageException(source + ": manifest.json lists no image");
        }
        JsonNode m = root.get(0);
        if (reference != null) {
            m = null;
            List<String> tags = new ArrayList<>();
            for (JsonNode candidate : root) {
                for (JsonNode tag : candidate.path("RepoTags")) {
                    tags.add(tag.asText());
                    if (m == null && (tag.asText().equals(reference) || tag.asText().endsWith(":" + reference)
                            || tag.asText().equals(reference + ":latest"))) {
                        m = candidate;
                    }
                }
            }
            if (m == null) {
                throw new ImageException(source + ": no image tagged '" + reference + "' (tags: "
                        + (tags.isEmpty() ? "none" : String.join(", ", tags)) + ")");
            }
        }
        String configName = m.path("Config").asText("");
        Blob configBlob = store.get(configName)
                .orElseThrow(() -> new ImageException(source + ": config " + configName + " is missing"));
        ImageConfig config = ImageConfig.parse(configBlob.readAll(8 << 20), source + ": config " + configName);
        List<Layer> layers = new ArrayList<>();
        int i = 0;
        for (JsonNode l : m.path("Layers")) {
            String name = l.asText();
            Blob blob = store.get(name)
                    .orElseThrow(() -> new ImageException(source + ": layer " + name + " is missing"));
            Digest diffId = i < config.diffIds().size() ? config.diffIds().get(i) : null;
            layers.add(new Layer(i, blob, null, null, blob.size(), diffId));
            i++;
        }
        if (config.diffIds().size() != layers.size()) {
            throw new ImageException(source + ": manifest.json lists " + layers.size()
                    + " layers but the config has " + config.diffIds().size() + " diff_ids");
        }
        return new Image(source, "docker-archive", null, config, layers, Map.of(), store);
    }
}
