package dev.dockfit.image.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockfit.image.hash.Digest;
import java.util.LinkedHashMap;
import java.util.Map;

/** An OCI content descriptor: what a manifest or index says about a blob it points to. */
record Descriptor(String mediaType, Digest digest, long size, String os, String architecture, String variant,
                  Map<String, String> annotations) {

    static Descriptor of(JsonNode node, String where) {
        JsonNode digest = node.get("digest");
        if (digest == null || !digest.isTextual()) {
            throw new dev.dockfit.image.ImageException(where + ": descriptor without a digest");
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        node.path("annotations").fields().forEachRemaining(e -> annotations.put(e.getKey(), e.getValue().asText()));
        JsonNode p = node.path("platform");
        return new Descriptor(node.path("mediaType").asText(null), Digest.parse(digest.asText()),
                node.path("size").asLong(-1), p.path("os").asText(null), p.path("architecture").asText(null),
                p.path("variant").asText(null), Map.copyOf(annotations));
    }

    boolean isIndex() {
        return mediaType != null && (mediaType.equals(MediaTypes.OCI_INDEX) || mediaType.equals(MediaTypes.DOCKER_LIST));
    }

    /** BuildKit stores provenance/SBOM attestations as manifests with platform unknown/unknown. */
    boolean isAttestation() {
        return "attestation-manifest".equals(annotations.get("vnd.docker.reference.type"))
                || ("unknown".equals(os) && "unknown".equals(architecture));
    }

    String platformText() {
        return os == null ? "(no platform)" : os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
