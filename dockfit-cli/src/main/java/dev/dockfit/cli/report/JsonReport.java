package dev.dockfit.cli.report;

import dev.dockfit.cli.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockfit.finding.Severity;
import java.util.List;

/**
 * The JSON document of a check over several sources:
 * {@code {"tool":"dockfit","version","findings":[FindingsJson...],"summary":{"files","findings","error",
 * "warning","info","style"}}}.
 */
public final class JsonReport {
    private JsonReport() {
    }

    public static ObjectNode toJson(List<CheckedSource> sources, String toolVersion) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("tool", "dockfit").put("version", toolVersion);
        var all = CheckedSource.allFindings(sources);
        root.set("findings", FindingsJson.toJson(all));
        SeverityCounts counts = SeverityCounts.of(all);
        ObjectNode summary = root.putObject("summary").put("files", sources.size()).put("findings", all.size());
        for (Severity s : Severity.values()) summary.put(s.id(), counts.get(s));
        return root;
    }
}
