package dev.dockfit.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockfit.cli.Json;
import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Location;
import java.util.List;

/** Findings as JSON objects, the same shape for every command ({@code lint}, {@code image}, ...). */
public final class FindingsJson {
    private FindingsJson() {
    }

    /**
     * {@code {"file","line","column","endLine","endColumn","rule","severity","practice","message","fixable",
     * "properties":{...}}}: {@code file} is the source (a Dockerfile path, an image), the position fields are
     * 1-based with an exclusive end and left out when the finding concerns the whole source.
     */
    public static ObjectNode toJson(Finding f) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        Location l = f.location();
        o.put("file", l.source());
        if (l.hasPosition()) {
            o.put("line", l.line()).put("column", l.column()).put("endLine", l.endLine()).put("endColumn", l.endColumn());
        }
        o.put("rule", f.rule());
        o.put("severity", f.severity().id());
        o.put("practice", f.practice().id());
        o.put("message", f.message());
        o.put("fixable", f.fixable());
        o.set("properties", Json.MAPPER.valueToTree(f.properties()));
        return o;
    }

    public static ArrayNode toJson(List<Finding> findings) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Finding f : findings) a.add(toJson(f));
        return a;
    }
}
