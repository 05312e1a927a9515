package dev.dockfit.cli.report;

import dev.dockfit.cli.Json;
import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Severity;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON document of a check over several sources:
 * {@code {"tool":"dockfit","version","findings":[FindingsJson...],"summary":{"files","findings","error",
 * "warning","info","style"}}}.
 */
public final class JsonReport {
    private JsonReport() {
    }

    /** How a document's findings array is enclosed in {@link #findingsPart}'s rendering, before and after its objects. */
    private static final String PART_START = "{\n  \"findings\" : [ ";
    private static final String PART_END = " ]\n}";

    /**
     * The findings of one source as the document's findings array holds them (the objects and the separators
     * between them, indented as there), "" for none. Rendered apart from the document so that a large run renders
     * its sources on the threads that lint them; {@link #write} puts the parts together.
     */
    public static String findingsPart(List<Finding> findings) {
        if (findings.isEmpty()) return "";
        StringWriter text = new StringWriter(512 * findings.size());
        try (JsonGenerator g = Json.MAPPER.createGenerator(text)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("findings");
            for (int i = 0; i < findings.size(); i++) FindingsJson.write(g, findings.get(i));
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String s = text.toString();
        if (!s.startsWith(PART_START) || !s.endsWith(PART_END)) throw new IllegalStateException("unexpected JSON layout: " + s);
        return s.substring(PART_START.length(), s.length() - PART_END.length());
    }

    /**
     * Streams the document (laid out as {@link Json#write} lays out a tree) without building a tree.
     *
     * @param findingsParts each source's {@link #findingsPart}, in the same order
     */
    public static void write(PrintWriter out, List<CheckedSource> sources, List<String> findingsParts, String toolVersion) {
        List<Finding> all = CheckedSource.allFindings(sources);
        Json.stream(out, g -> {
            g.writeStartObject();
            g.writeStringField("tool", "dockfit");
            g.writeStringField("version", toolVersion);
            g.writeArrayFieldStart("findings");
            // each part is one raw value to the generator, which writes the separator between non-empty parts
            for (int i = 0; i < findingsParts.size(); i++) {
                if (!findingsParts.get(i).isEmpty()) g.writeRawValue(findingsParts.get(i));
            }
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
