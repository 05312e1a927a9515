package dev.dockfit.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockfit.image.ImageConfig;
import dev.dockfit.image.ImageException;
import dev.dockfit.image.Layer;
import dev.dockfit.image.Platform;
import dev.dockfit.image.blob.Blob;
import dev.dockfit.image.hash.Digest;
import dev.dockfit.image.hash.DigestingInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Walks from an index (or a manifest) down to one image manifest, choosing the platform and skipping
 * attestation manifests, then reads the config. Shared by OCI layouts, archives and the registry client.
 */
public final class ManifestResolver {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_JSON = 8 << 20;

    /** Resolved image parts before any layer is read. */
    public record Resolved(Digest manifestDigest, ImageConfig config, List<Layer> layers, Map<String, String> annotations) {
    }

    private final Function<Digest, Optional<Blob>> blobs;
    private final Function<Digest, Optional<Blob>> manifests;
    private final Platform platform;
    private final String where;

    /** For layouts and archives, where manifests are blobs like any other. */
    ManifestResolver(Function<Digest, Optional<Blob>> blobs, Platform platform, String where) {
        this(blobs, blobs, platform, where);
    }

    /** For registries, which serve manifests and blobs at different endpoints. */
    public ManifestResolver(Function<Digest, Optional<Blob>> blobs, Function<Digest, Optional<Blob>> manifests,
                     Platform platform, String where) {
        this.blobs = blobs;
        this.manifests = manifests;
        this.platform = platform;
        this.where = where;
    }

    /** Starts from an OCI layout's index.json. */
    Resolved fromIndex(byte[] indexJson) {
        return fromIndex(indexJson, null);
    }

    /**
     * Starts from an OCI layout's index.json, keeping only the manifests tagged {@code reference}
     * ({@code org.opencontainers.image.ref.name}, or the tag of {@code io.containerd.image.name}) when it is given.
     */
    Resolved fromIndex(byte[] indexJson, String reference) {
        JsonNode index = parse(indexJson, where + ": index.json");
        if (reference != null) {
            com.fasterxml.jackson.databind.node.ArrayNode kept = JSON.createArrayNode();
            List<String> names = new ArrayList<>();
            for (JsonNode m : index.path("manifests")) {
                String ref = m.path("annotations").path("org.opencontainers.image.ref.name").asText("");
                String image = m.path("annotations").path("io.containerd.image.name").asText("");
                if (!ref.isEmpty()) names.add(ref);
                if (ref.equals(reference) || image.equals(reference) || image.endsWith(":" + reference)) kept.add(m);
            }
            if (kept.isEmpty()) {
                throw new ImageException(where + ": no image tagged '" + reference + "' (tags: "
                        + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
            }
            index = ((com.fasterxml.jackson.databind.node.ObjectNode) index.deepCopy()).set("manifests", kept);
        }
        return fromDescriptors(index, new LinkedHashMap<>(), 0);
    }

    /** Starts from a manifest or index fetched by tag (its own digest computed by the caller). */
    public Resolved fromDocument(byte[] json, Digest digest) {
        JsonNode node = parse(json, where + ": manifest " + digest);
        if (node.has("manifests")) return fromDescriptors(node, new LinkedHashMap<>(), 0);
        return fromManifest(node, digest, new LinkedHashMap<>());
    }

    private Resolved fromDescriptors(JsonNode index, Map<String, String> annotations, int depth) {
        if (depth > 4) throw new ImageException(where + ": image indexes nested too deeply");
        index.path("annotations").fields().forEachRemaining(e -> annotations.putIfAbsent(e.getKey(), e.getValue().asText()));
        List<Descriptor> candidates = new ArrayList<>();
        for (JsonNode m : index.path("manifests")) {
            Descriptor d = Descriptor.of(m, where);
            if (!d.isAttestation()) candidates.add(d);
        }
        if (candidates.isEmpty()) throw new ImageException(where + ": the index lists no image manifest");
        Descriptor chosen = choose(candidates);
        byte[] json = read(chosen, manifests);
        JsonNode node = parse(json, where + ": manifest " + chosen.digest());
        chosen.annotations().forEach(annotations::putIfAbsent);
        if (chosen.isIndex() || node.has("manifests")) return fromDescriptors(node, annotations, depth + 1);
        return fromManifest(node, chosen.digest(), annotations);
    }

    private Descriptor choose(List<Descriptor> candidates) {
        if (candidates.size() == 1) return candidates.get(0);
        List<Descriptor> matching = new ArrayList<>();
        for (Descriptor d : candidates) {
            if (d.os() == null || platform.matches(d.os(), d.architecture(), d.variant())) matching.add(d);
        }
        // An archive may list every platform of an index but carry the blobs of only one.
        for (Descriptor d : matching) if (manifests.apply(d.digest()).isPresent()) return d;
        List<String> available = new ArrayList<>();
        for (Descriptor d : candidates) {
            if (manifests.apply(d.digest()).isPresent()) available.add(d.platformText());
        }
        throw new ImageException(where + ": no image for platform " + platform + " (available: "
                + (available.isEmpty() ? "none" : String.join(", ", available)) + "; choose with --platform)");
    }

    private Resolved fromManifest(JsonNode manifest, Digest digest, Map<String, String> annotations) {
        manifest.path("annotations").fields().forEachRemaining(e -> annotations.put(e.getKey(), e.getValue().asText()));
        JsonNode configNode = manifest.get("config");
        if (configNode == null) throw new ImageException(where + ": manifest " + digest + " has no config");
        Descriptor configDescriptor = Descriptor.of(configNode, where);
        ImageConfig config = ImageConfig.parse(read(configDescriptor, blobs), where + ": config " + configDescriptor.digest());
        List<Layer> layers = new ArrayList<>();
        int i = 0;
        for (JsonNode l : manifest.path("layers")) {
            Descriptor d = Descriptor.of(l, where);
            Blob blob = blobs.apply(d.digest())
                    .orElseThrow(() -> new ImageException(where + ": layer blob " + d.digest() + " is missing"));
            Digest diffId = i < config.diffIds().size() ? config.diffIds().get(i) : null;
            layers.add(new Layer(i, blob, d.mediaType(), d.digest(), d.size(), diffId));
            i++;
        }
        if (config.diffIds().size() != layers.size()) {
            throw new ImageException(where + ": manifest lists " + layers.size() + " layers but the config has "
                    + config.diffIds().size() + " diff_ids");
        }
        return new Resolved(digest, config, layers, annotations);
    }

    /** Reads a small blob and checks it against its digest. */
    private byte[] read(Descriptor d, Function<Digest, Optional<Blob>> store) {
        Blob blob = store.apply(d.digest())
                .orElseThrow(() -> new ImageException(where + ": blob " + d.digest() + " is missing"));
        try {
            byte[] data = blob.readAll(MAX_JSON);
            DigestingInputStream check = new DigestingInputStream(new ByteArrayInputStream(data), d.digest().algorithm());
            check.drain();
            check.verify(d.digest(), where + ": blob " + d.digest());
            return data;
        } catch (IOException e) {
            throw new ImageException(where + ": cannot read blob " + d.digest() + ": " + e.getMessage(), e);
        }
    }

    static JsonNode parse(byte[] json, String what) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) throw new ImageException(what + " is not a JSON object");
            return node;
        } catch (IOException e) {
            throw new ImageException(what + " is not valid JSON", e);
        }
    }
}
