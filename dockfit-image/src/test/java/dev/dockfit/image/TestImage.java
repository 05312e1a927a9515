package dev.dockfit.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes test images in the shapes dockfit reads: OCI layout directory, OCI tarball, Docker 25+ archive (OCI
 * layout plus manifest.json), containerd-style archive (nested index, gzip layers) and legacy docker-archive.
 */
public final class TestImage {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Compression { NONE, GZIP, ZSTD }

    private record LayerSpec(byte[] tar, Compression compression, String createdBy) {
    }

    private final List<LayerSpec> layers = new ArrayList<>();
    private final List<ObjectNode> history = new ArrayList<>();
    private final Map<String, String> annotations = new LinkedHashMap<>();
    private String user = "";
    private final List<String> env = new ArrayList<>();
    /** Test hook: corrupt the recorded digest of a layer to provoke a mismatch. */
    private int wrongDiffIdLayer = -1;

    public TestImage layer(TestLayer layer, Compression compression, String createdBy) {
        layers.add(new LayerSpec(layer.tar(), compression, createdBy));
        history.add(JSON.createObjectNode().put("created_by", createdBy));
        return this;
    }

    /** A layer from raw (possibly malformed) uncompressed tar bytes. */
    public TestImage rawLayer(byte[] tar, String createdBy) {
        layers.add(new LayerSpec(tar, Compression.NONE, createdBy));
        history.add(JSON.createObjectNode().put("created_by", createdBy));
        return this;
    }

    public TestImage emptyStep(String createdBy) {
        history.add(JSON.createObjectNode().put("created_by", createdBy).put("empty_layer", true));
        return this;
    }

    public TestImage user(String user) {
        this.user = user;
        return this;
    }

    public TestImage env(String entry) {
        env.add(entry);
        return this;
    }

    public TestImage annotation(String key, String value) {
        annotations.put(key, value);
        return this;
    }

    public TestImage wrongDiffId(int layer) {
        wrongDiffIdLayer = layer;
        return this;
    }

    /** Blob files by path relative to the layout root, plus what index.json and manifest.json point at. */
    private record Written(Map<String, byte[]> files, String manifestDigest, int manifestSize) {
    }

    private Written build(boolean containerdNestedIndex, boolean dockerManifestJson) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        ArrayNode layerDescriptors = JSON.createArrayNode();
        ArrayNode diffIds = JSON.createArrayNode();
        List<String> layerPaths = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            byte[] stored = switch (l.compression()) {
                case NONE -> l.tar();
                case GZIP -> TestLayer.gzip(l.tar());
                case ZSTD -> TestLayer.zstd(l.tar());
            };
            String digest = sha256(stored);
            files.put(blobPath(digest), stored);
            layerPaths.add(blobPath(digest));
            layerDescriptors.add(JSON.createObjectNode()
                    .put("mediaType", "application/vnd.oci.image.layer.v1.tar" + switch (l.compression()) {
                        case NONE -> "";
                        case GZIP -> "+gzip";
                        case ZSTD -> "+zstd";
                    }).put("digest", digest).put("size", stored.length));
            diffIds.add(i == wrongDiffIdLayer ? sha256(new byte[] {1}) : sha256(l.tar()));
        }
        ObjectNode config = JSON.createObjectNode().put("architecture", "amd64").put("os", "linux");
        ObjectNode c = config.putObject("config").put("User", user);
        ArrayNode envArray = c.putArray("Env");
        env.forEach(envArray::add);
        config.putObject("rootfs").put("type", "layers").set("diff_ids", diffIds);
        ArrayNode h = config.putArray("history");
        history.forEach(h::add);
        byte[] configBytes = JSON.writeValueAsBytes(config);
        String configDigest = sha256(configBytes);
        files.put(blobPath(configDigest), configBytes);

        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        manifest.putObject("config").put("mediaType", "application/vnd.oci.image.config.v1+json")
                .put("digest", configDigest).put("size", configBytes.length);
        manifest.set("layers", layerDescriptors);
        if (!annotations.isEmpty()) {
            ObjectNode a = manifest.putObject("annotations");
            annotations.forEach(a::put);
        }
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        String manifestDigest = sha256(manifestBytes);
        files.put(blobPath(manifestDigest), manifestBytes);

        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.index.v1+json");
        ArrayNode entries = index.putArray("manifests");
        if (containerdNestedIndex) {
            ObjectNode nested = JSON.createObjectNode().put("schemaVersion", 2)
                    .put("mediaType", "application/vnd.oci.image.index.v1+json");
            ArrayNode platforms = nested.putArray("manifests");
            // arm64 is listed but its blob is not in the archive, as with a containerd export of one platform.
            platforms.addObject().put("mediaType", "application/vnd.oci.image.manifest.v1+json")
                    .put("digest", sha256(new byte[] {42})).put("size", 1)
                    .putObject("platform").put("os", "linux").put("architecture", "arm64");
            platforms.addObject().put("mediaType", "application/vnd.oci.image.manifest.v1+json")
                    .put("digest", manifestDigest).put("size", manifestBytes.length)
                    .putObject("platform").put("os", "linux").put("architecture", "amd64");
            ObjectNode attestation = platforms.addObject()
                    .put("mediaType", "application/vnd.oci.image.manifest.v1+json")
                    .put("digest", sha256(new byte[] {7})).put("size", 1);
            attestation.putObject("platform").put("os", "unknown").put("architecture", "unknown");
            attestation.putObject("annotations").put("vnd.docker.reference.type", "attestation-manifest");
            byte[] nestedBytes = JSON.writeValueAsBytes(nested);
            String nestedDigest = sha256(nestedBytes);
            files.put(blobPath(nestedDigest), nestedBytes);
            entries.addObject().put("mediaType", "application/vnd.oci.image.index.v1+json")
                    .put("digest", nestedDigest).put("size", nestedBytes.length);
        } else {
            ObjectNode entry = entries.addObject().put("mediaType", "application/vnd.oci.image.manifest.v1+json")
                    .put("digest", manifestDigest).put("size", manifestBytes.length);
            entry.putObject("annotations").put("org.opencontainers.image.ref.name", "v1");
        }
        files.put("index.json", JSON.writeValueAsBytes(index));
        files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes());
        if (dockerManifestJson) {
            ArrayNode m = JSON.createArrayNode();
            ObjectNode e = m.addObject().put("Config", blobPath(configDigest));
            e.putArray("RepoTags").add("test:latest");
            ArrayNode ls = e.putArray("Layers");
            layerPaths.forEach(ls::add);
            files.put("manifest.json", JSON.writeValueAsBytes(m));
        }
        return new Written(files, manifestDigest, manifestBytes.length);
    }

    /** An OCI image layout directory. */
    public Path writeLayout(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> f : build(false, false).files().entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        return dir;
    }

    /** An OCI layout in a tarball: plain OCI, Docker 25+ (with manifest.json) or containerd (nested index). */
    public Path writeOciArchive(Path file, boolean dockerManifestJson, boolean containerdNestedIndex) throws IOException {
        return writeTar(file, build(containerdNestedIndex, dockerManifestJson).files());
    }

    /** Legacy docker save: {@code <id>/layer.tar}, {@code <config>.json}, manifest.json (layers uncompressed). */
    public Path writeLegacyDockerArchive(Path file) throws IOException {
        Written w = build(false, false);
        Map<String, byte[]> files = new LinkedHashMap<>();
        ArrayNode m = JSON.createArrayNode();
        ObjectNode e = m.addObject();
        e.putArray("RepoTags").add("localhost/test:latest");
        ArrayNode ls = e.putArray("Layers");
        for (LayerSpec l : layers) {
            String id = sha256(l.tar()).substring(7);
            files.put(id + "/layer.tar", l.tar());
            files.put(id + "/VERSION", "1.0".getBytes());
            ls.add(id + "/layer.tar");
        }
        for (Map.Entry<String, byte[]> f : w.files().entrySet()) {
            String name = f.getKey();
            if (!name.startsWith("blobs/")) continue;
            byte[] data = f.getValue();
            if (new String(data, 0, Math.min(data.length, 200)).contains("\"rootfs\"")
                    || new String(data).contains("\"diff_ids\"")) {
                String configName = name.substring(name.lastIndexOf('/') + 1) + ".json";
                files.put(configName, data);
                e.put("Config", configName);
            }
        }
        files.put("manifest.json", JSON.writeValueAsBytes(m));
        return writeTar(file, files);
    }

    private static Path writeTar(Path file, Map<String, byte[]> files) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    static String blobPath(String digest) {
        return "blobs/sha256/" + digest.substring(7);
    }

    public static String sha256(byte[] data) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
