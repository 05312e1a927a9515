package dev.dockfit.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockfit.image.hash.Digest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of the image configuration (OCI image config / Docker image JSON) the analyses use.
 *
 * @param user    the {@code User} as written ({@code ""} when unset)
 * @param diffIds the uncompressed layer digests, in layer order
 */
public record ImageConfig(String os, String architecture, String variant, String user, List<String> env,
                          List<String> entrypoint, List<String> cmd, String workingDir, Map<String, String> labels,
                          List<HistoryEntry> history, List<Digest> diffIds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ImageConfig parse(byte[] json, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new ImageException(where + ": config is not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) throw new ImageException(where + ": config is not a JSON object");
        JsonNode c = root.path("config");
        if (c.isMissingNode() || c.isNull()) c = root.path("container_config");
        List<HistoryEntry> history = new ArrayList<>();
        for (JsonNode h : root.path("history")) {
            history.add(new HistoryEntry(text(h, "created"), text(h, "created_by"), text(h, "comment"),
                    h.path("empty_layer").asBoolean(false)));
        }
        List<Digest> diffIds = new ArrayList<>();
        for (JsonNode d : root.path("rootfs").path("diff_ids")) diffIds.add(Digest.parse(d.asText()));
        Map<String, String> labels = new LinkedHashMap<>();
        c.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new ImageConfig(text(root, "os"), text(root, "architecture"), text(root, "variant"),
                c.path("User").asText(""), strings(c.path("Env")), strings(c.path("Entrypoint")),
                strings(c.path("Cmd")), c.path("WorkingDir").asText(""), labels, List.copyOf(history),
                List.copyOf(diffIds));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asText());
        return List.copyOf(out);
    }

    static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The value of an environment variable, or null. */
    public String envValue(String name) {
        for (String e : env) {
            if (e.startsWith(name + "=")) return e.substring(name.length() + 1);
        }
        return null;
    }
}
