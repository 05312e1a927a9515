package dev.dockfit.vuln.osv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts Alpine's security database ("secdb": {@code distroversion}, and per package
 * {@code secfixes: {fixed-version: [CVE...]}}, as YAML or JSON) into OSV records, one per (release,
 * vulnerability id): id {@code ALPINE-SECDB-<release>-<CVE>}, ecosystem {@code Alpine:<release>},
 * package = origin, range introduced 0, fixed = the version. A fixed version {@code 0} means the
 * release was never affected and gives no record.
 */
public final class AlpineSecdb {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlpineSecdb() {
    }

    /** True when the document looks like a secdb (has {@code distroversion} and {@code packages}). */
    public static boolean isSecdb(JsonNode root) {
        return root != null && root.isObject() && root.has("distroversion") && root.path("packages").isArray();
    }

    /** Parses YAML or JSON; null when the bytes are neither or not a secdb. */
    public static JsonNode read(byte[] content) {
        try {
            JsonNode root = YAML.readTree(content);
            return isSecdb(root) ? root : null;
        } catch (IOException e) {
            return null; // neither YAML nor JSON: the caller treats the bytes as an ordinary OSV document
        }
    }

    /** The OSV JSON documents of one secdb; {@code modified} is stamped on every record. */
    public static List<byte[]> toOsv(JsonNode secdb, String modified) {
        String release = secdb.path("distroversion").asText();
        String ecosystem = "Alpine:" + release;
        Map<String, ObjectNode> records = new LinkedHashMap<>();
        for (JsonNode entry : secdb.path("packages")) {
            JsonNode pkg = entry.path("pkg");
            String name = pkg.path("name").asText("");
            if (name.isEmpty()) continue;
            for (Iterator<Map.Entry<String, JsonNode>> it = pkg.path("secfixes").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> fix = it.next();
                String fixed = fix.getKey().strip();
                if (fixed.equals("0")) continue;
                for (JsonNode idNode : fix.getValue()) {
                    for (String id : idNode.asText().split("\\s+")) {
                        if (id.isEmpty()) continue;
                        ObjectNode r = records.computeIfAbsent(id, k -> record(release, k, modified));
                        addAffected((ArrayNode) r.get("affected"), ecosystem, name, fixed);
                    }
                }
            }
        }
        List<byte[]> out = new ArrayList<>();
        for (ObjectNode r : records.values()) out.add(r.toString().getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private static ObjectNode record(String release, String id, String modified) {
        ObjectNode r = JSON.createObjectNode();
        r.put("schema_version", "1.7.0");
        r.put("id", "ALPINE-SECDB-" + release + "-" + id);
        r.put("modified", modified);
        r.putArray("aliases").add(id);
        r.put("summary", id + " (Alpine " + release + " secdb)");
        r.putArray("affected");
        return r;
    }

    private static void addAffected(ArrayNode affected, String ecosystem, String name, String fixed) {
        ObjectNode a = affected.addObject();
        a.putObject("package").put("ecosystem", ecosystem).put("name", name);
        ArrayNode events = a.putArray("ranges").addObject().put("type", "ECOSYSTEM").putArray("events");
        events.addObject().put("introduced", "0");
        events.addObject().put("fixed", fixed);
    }
}
