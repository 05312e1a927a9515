package dev.dockfit.cli.report;

import dev.dockfit.cli.Json;
import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Severity;
import java.io.PrintWriter;
import java.util.List;

/**
 * The JSON document of a check over several sources:
 * {@code {"tool":"dockfit","version","findings":[FindingsJson...],"summary":{"files","findings","error",
 * "warning","info","style"}}}.
 */
public final class JsonReport {
    private JsonReport() {
    }

    /** Streams the document (laid out as {@link Json#write} lays out a tree) without building a tree. */
    public static void write(PrintWriter out, List<CheckedSource> sources, String toolVersion) {
        List<Finding> all = CheckedSource.allFindings(sources);
        Json.stream(out, g -> {
            g.writeStartObject();
            g.writeStringField("tool", "dockfit");
            g.writeStringField("version", toolVersion);
            g.writeArrayFieldStart("findings");
            for (int i = 0; i < all.size(); i++) FindingsJson.write(g, all.get(i));
            g.writeEndArray();
            SeverityCounts counts = SeverityCounts.of(all);
            g.writeObjectFieldStart("summary");
            g.writeNumberField("files", sources.size());
            g.writeNumberField("findings", all.size());
            for (Severity s : Severity.values()) g.writeNumberField(s.id(), counts.get(s));
            g.writeEndObject();
            g.writeEndObject();
        });
    }
}
