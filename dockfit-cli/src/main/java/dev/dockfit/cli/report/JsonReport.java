package dev.dockfit.cli.report;

import dev.dockfit.cli.Json;
import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Severity;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    private static final byte[] PART_START = "{\n  \"findings\" : [ ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PART_END = " ]\n}".getBytes(StandardCharsets.US_ASCII);

    /**
     * The findings of one source as the document's findings array holds them (the objects and the separators
     * between them, indented as there), in UTF-8; empty for none. Rendered apart from the document so that a
     * large run renders its sources on the threads that lint them; {@link #write} puts the parts together.
     */
    public static byte[] findingsPart(List<Finding> findings) {
        if (findings.isEmpty()) return new byte[0];
        PartBuffer bytes = PART_BUFFERS.get();
        bytes.reset();
        try (JsonGenerator g = Json.MAPPER.createGenerator(bytes, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new ReportPrettyPrinter());
            g.writeStartObject();
            g.writeArrayFieldStart("findings");
            // a source's findings name the same file: its path is escaped and encoded once
            String path = findings.get(0).location().source();
            SerializedString file = new SerializedString(path);
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                FindingsJson.write(g, f, f.location().source().equals(path) ? file : null);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.between(PART_START, PART_END);
    }

    private static final ThreadLocal<PartBuffer> PART_BUFFERS = ThreadLocal.withInitial(PartBuffer::new);

    /** A thread's buffer for {@link #findingsPart}: one copy per part (the part itself) instead of three. */
    private static final class PartBuffer extends ByteArrayOutputStream {
        PartBuffer() {
            super(1 << 14);
        }

        /** What was written between {@code start} and {@code end}, which must open and close it. */
        byte[] between(byte[] start, byte[] end) {
            int to = count - end.length;
            if (!Arrays.equals(buf, 0, start.length, start, 0, start.length) || !Arrays.equals(buf, to, count, end, 0, end.length)) {
                throw new IllegalStateException("unexpected JSON layout: " + toString(StandardCharsets.UTF_8));
            }
            byte[] part = Arrays.copyOfRange(buf, start.length, to);
            if (buf.length > 1 << 20) buf = new byte[1 << 14]; // a huge file's findings are not kept alive
            return part;
        }
    }

    /**
     * One source's share of the document: its {@link #findingsPart} and how many findings of each severity it has
     * (by {@link Severity#ordinal}). A large run keeps these until the report is written instead of the findings:
     * far fewer objects for the collector to copy.
     */
    public record Part(byte[] json, int[] bySeverity) {
        /** values() copies its array on every call; this runs per source. */
        private static final Severity[] SEVERITIES = Severity.values();

        public static Part of(List<Finding> findings) {
            int[] counts = new int[SEVERITIES.length];
            for (int i = 0; i < findings.size(); i++) counts[findings.get(i).severity().ordinal()]++;
            return new Part(findingsPart(findings), counts);
        }

        /** Whether a finding is at {@code threshold} or above. */
        public boolean reaches(Severity threshold) {
            for (Severity s : SEVERITIES) {
                if (bySeverity[s.ordinal()] > 0 && s.atLeast(threshold)) return true;
            }
            return false;
        }
    }

    /**
     * Streams the document in UTF-8 (laid out as {@link Json#write} lays out a tree) without building a tree.
     *
     * @param parts each source's {@link Part}, in order
     */
    public static void write(OutputStream out, List<Part> parts, String toolVersion) {
        int[] totals = new int[Severity.values().length];
        for (int i = 0; i < parts.size(); i++) {
            int[] c = parts.get(i).bySeverity();
            for (int k = 0; k < totals.length; k++) totals[k] += c[k];
        }
        int all = Arrays.stream(totals).sum();
        Json.stream(out, g -> {
            g.writeStartObject();
            g.writeStringField("tool", "dockfit");
            g.writeStringField("version", toolVersion);
            g.writeArrayFieldStart("findings");
            // each part is one raw value to the generator, which writes the separator between non-empty parts
            for (int i = 0; i < parts.size(); i++) {
                byte[] json = parts.get(i).json();
                if (json.length > 0) g.writeRawValue(new RawJsonPart(json));
            }
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("files", parts.size());
            g.writeNumberField("findings", all);
            for (Severity s : Severity.values()) g.writeNumberField(s.id(), totals[s.ordinal()]);
            g.writeEndObject();
            g.writeEndObject();
        });
    }
}
