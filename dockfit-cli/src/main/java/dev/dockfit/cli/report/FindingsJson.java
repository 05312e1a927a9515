package dev.dockfit.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
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
    // the field names encoded once: a lint run writes tens of thousands of findings
    private static final SerializedString FILE = new SerializedString("file");
    private static final SerializedString LINE = new SerializedString("line");
    private static final SerializedString COLUMN = new SerializedString("column");
    private static final SerializedString END_LINE = new SerializedString("endLine");
    private static final SerializedString END_COLUMN = new SerializedString("endColumn");
    private static final SerializedString RULE = new SerializedString("rule");
    private static final SerializedString SEVERITY = new SerializedString("severity");
    private static final SerializedString PRACTICE = new SerializedString("practice");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString FIXABLE = new SerializedString("fixable");
    private static final SerializedString PROPERTIES = new SerializedString("properties");

    private FindingsJson() {
    }

    /**
     * Writes {@code {"file","line","column","endLine","endColumn","rule","severity","practice","message","fixable",
     * "properties":{...}}}: {@code file} is the source (a Dockerfile path, an image), the position fields are
     * 1-based with an exclusive end and left out when the finding concerns the whole source. Streamed: a lint run
     * over thousands of files writes tens of thousands of these.
     */
    public static void write(JsonGenerator g, Finding f) throws IOException {
        write(g, f, null);
    }

    /** @param file the finding's {@code file} encoded beforehand, or null */
    static void write(JsonGenerator g, Finding f, SerializableString file) throws IOException {
        g.writeStartObject();
        Location l = f.location();
        g.writeFieldName(FILE);
        if (file != null) {
            g.writeString(file);
        } else {
            g.writeString(l.source());
        }
        if (l.hasPosition()) {
            g.writeFieldName(LINE);
            g.writeNumber(l.line());
            g.writeFieldName(COLUMN);
            g.writeNumber(l.column());
            g.writeFieldName(END_LINE);
            g.writeNumber(l.endLine());
            g.writeFieldName(END_COLUMN);
            g.writeNumber(l.endColumn());
        }
        g.writeFieldName(RULE);
        g.writeString(f.rule());
        g.writeFieldName(SEVERITY);
        g.writeString(f.severity().id());
        g.writeFieldName(PRACTICE);
        g.writeString(f.practice().id());
        g.writeFieldName(MESSAGE);
        g.writeString(f.message());
        g.writeFieldName(FIXABLE);
        g.writeBoolean(f.fixable());
        g.writeFieldName(PROPERTIES);
        if (f.properties().isEmpty()) {
            // most findings have none; the mapper's serializer lookup per value is the costly way to write {}
            g.writeStartObject();
            g.writeEndObject();
        } else {
            Json.MAPPER.writeValue(g, f.properties());
        }
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
