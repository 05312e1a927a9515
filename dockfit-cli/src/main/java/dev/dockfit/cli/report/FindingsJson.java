package dev.dockfit.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.dockfit.cli.Json;
import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Findings as JSON objects, the same shape for every command ({@code lint}, {@code image}, ...). */
public final class FindingsJson {
    private FindingsJson() {
    }

    /**
     * Writes {@code {"file","line","column","endLine","endColumn","rule","severity","practice","message","fixable",
     * "properties":{...}}}: {@code file} is the source (a Dockerfile path, an image), the position fields are
     * 1-based with an exclusive end and left out when the finding concerns the whole source. Streamed: a lint run
     * over thousands of files writes tens of thousands of these.
     */
    public static void write(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        Location l = f.location();
        g.writeStringField("file", l.source());
        if (l.hasPosition()) {
            g.writeNumberField("line", l.line());
            g.writeNumberField("column", l.column());
            g.writeNumberField("endLine", l.endLine());
            g.writeNumberField("endColumn", l.endColumn());
        }
        g.writeStringField("rule", f.rule());
        g.writeStringField("severity", f.severity().id());
        g.writeStringField("practice", f.practice().id());
        g.writeStringField("message", f.message());
        g.writeBooleanField("fixable", f.fixable());
        g.writeFieldName("properties");
        Json.MAPPER.writeValue(g, f.properties());
        g.writeEndObject();
    }

    /** The same object as a tree, for documents built as trees. */
    public static ObjectNode toJson(Finding f) {
        try (TokenBuffer buffer = new TokenBuffer(Json.MAPPER, false)) {
            write(buffer, f);
            return Json.MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ArrayNode toJson(List<Finding> findings) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Finding f : findings) a.add(toJson(f));
        return a;
    }
}
