package dev.dockfit.vuln.osv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads OSV JSON records. Tolerates what real feeds contain ({@code "versions": null}, unknown fields,
 * unknown range types); rejects documents without an {@code id}, and events that are not objects
 * holding exactly one of introduced/fixed/last_affected/limit.
 */
public final class OsvParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OsvParser() {
    }

    public static OsvRecord parse(byte[] json) throws OsvFormatException {
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new OsvFormatException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new OsvFormatException("cannot read: " + e.getMessage(), e);
        }
    }

    public static OsvRecord parse(InputStream json) throws OsvFormatException, IOException {
        return parse(json.readAllBytes());
    }

    public static OsvRecord fromTree(JsonNode root) throws OsvFormatException {
        if (root == null || !root.isObject()) throw new OsvFormatException("an OSV record must be a JSON object");
        String id = text(root, "id");
        if (id == null || id.isEmpty()) throw new OsvFormatException("OSV record without \"id\"");
        List<OsvAffected> affected = new ArrayList<>();
        for (JsonNode a : array(root, "affected")) affected.add(affected(id, a));
        return new OsvRecord(id, text(root, "modified"), text(root, "published"), text(root, "withdrawn"),
                strings(root, "aliases"), text(root, "summary"), severities(root), text(root.path("database_specific"), "severity"),
                affected);
    }

    private static OsvAffected affected(String id, JsonNode a) throws OsvFormatException {
        JsonNode pkg = a.path("package");
        List<OsvRange> ranges = new ArrayList<>();
        for (JsonNode r : array(a, "ranges")) {
            String type = text(r, "type");
            if (type == null) throw new OsvFormatException(id + ": range without \"type\"");
            List<OsvEvent> events = new ArrayList<>();
            for (JsonNode e : array(r, "events")) events.add(event(id, e));
            ranges.add(new OsvRange(type, text(r, "repo"), events));
        }
        String urgency = text(a.path("ecosystem_specific"), "urgency");
        return new OsvAffected(text(pkg, "ecosystem"), text(pkg, "name"), text(pkg, "purl"), ranges, strings(a, "versions"),
                severities(a), urgency, text(a.path("database_specific"), "severity"));
    }

    private static OsvEvent event(String id, JsonNode e) throws OsvFormatException {
        OsvEvent found = null;
        for (OsvEvent.Kind kind : OsvEvent.Kind.values()) {
            String v = text(e, kind.field());
            if (v == null) continue;
            if (found != null) throw new OsvFormatException(id + ": an event holds both " + found.kind().field() + " and " + kind.field());
            found = new OsvEvent(kind, v);
        }
        if (found == null) throw new OsvFormatException(id + ": event without introduced, fixed, last_affected or limit");
        return found;
    }

    private static List<OsvSeverity> severities(JsonNode node) {
        List<OsvSeverity> out = new ArrayList<>();
        for (JsonNode s : array(node, "severity")) {
            String type = text(s, "type");
            String score = text(s, "score");
            if (type != null && score != null) out.add(new OsvSeverity(type, score));
        }
        return out;
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode a = node.path(field);
        return a.isArray() ? a : List.of();
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array(node, field)) {
            if (s.isTextual()) out.add(s.asText());
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }
}
