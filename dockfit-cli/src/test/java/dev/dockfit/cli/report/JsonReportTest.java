package dev.dockfit.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockfit.cli.Json;
import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Location;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lint JSON document, put together from parts rendered per source, is the document a tree would give. */
class JsonReportTest {
    static Finding finding(String file, int line, Severity severity, Map<String, Object> properties) {
        return new Finding("DF" + (100 + line), severity, Practice.LAYER_CACHE, "line " + line + " \"quoted\" é€ \t",
                new Location(file, line, 2, line, 9), line % 2 == 0, properties);
    }

    static List<CheckedSource> sources(int... findingsPerSource) {
        List<CheckedSource> out = new ArrayList<>();
        for (int s = 0; s < findingsPerSource.length; s++) {
            List<Finding> findings = new ArrayList<>();
            for (int i = 1; i <= findingsPerSource[s]; i++) {
                findings.add(finding("dir/" + s + ".Dockerfile", i, Severity.values()[i % Severity.values().length],
                        i == 2 ? Map.of("image", "node", "tags", List.of("18", "20")) : Map.of()));
            }
            out.add(new CheckedSource("dir/" + s + ".Dockerfile", "FROM x\n", findings));
        }
        return out;
    }

    /** The document as {@link Json#write} lays out the equivalent tree. */
    static String asTree(List<CheckedSource> sources) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("tool", "dockfit");
        doc.put("version", "1.2.3");
        doc.set("findings", FindingsJson.toJson(CheckedSource.allFindings(sources)));
        ObjectNode summary = doc.putObject("summary");
        summary.put("files", sources.size());
        summary.put("findings", CheckedSource.allFindings(sources).size());
        SeverityCounts counts = SeverityCounts.of(CheckedSource.allFindings(sources));
        for (Severity s : Severity.values()) summary.put(s.id(), counts.get(s));
        StringWriter text = new StringWriter();
        Json.write(new PrintWriter(text), doc);
        return text.toString();
    }

    static String streamed(List<CheckedSource> sources) {
        List<JsonReport.Part> parts = sources.stream().map(s -> JsonReport.Part.of(s.findings())).toList();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonReport.write(bytes, parts, "1.2.3");
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void partsPutTogetherGiveTheTreesDocument() {
        for (int[] shape : List.of(new int[] {}, new int[] {0}, new int[] {0, 0}, new int[] {1}, new int[] {3},
                new int[] {0, 1, 3, 0, 2}, new int[] {2, 0, 0, 1}, new int[] {0, 0, 4})) {
            List<CheckedSource> sources = sources(shape);
            assertThat(streamed(sources)).as(java.util.Arrays.toString(shape)).isEqualTo(asTree(sources));
        }
    }

    static String part(String message) {
        Finding f = new Finding("DF001", Severity.INFO, Practice.SECURITY, message, Location.whole("x"));
        return new String(JsonReport.findingsPart(List.of(f)), StandardCharsets.UTF_8);
    }

    @Test
    void aPartCountsItsFindingsBySeverityForTheThreshold() {
        // sources(4): severities of findings 1..4 are values()[1..4 % 4]
        List<Finding> findings = sources(4).get(0).findings();
        JsonReport.Part part = JsonReport.Part.of(findings);
        for (Severity s : Severity.values()) {
            assertThat(part.bySeverity()[s.ordinal()]).isEqualTo((int) findings.stream().filter(f -> f.severity() == s).count());
            assertThat(part.reaches(s)).as(s.id()).isEqualTo(Thresholds.fails(findings, s));
        }
        assertThat(JsonReport.Part.of(List.of()).reaches(Severity.values()[Severity.values().length - 1])).isFalse();
    }

    @Test
    void aSourceWithoutFindingsHasAnEmptyPart() {
        assertThat(JsonReport.findingsPart(List.of())).isEmpty();
        assertThat(part("é€")).contains("é€"); // UTF-8, not escaped
        String part = new String(JsonReport.findingsPart(sources(2).get(0).findings()), StandardCharsets.UTF_8);
        assertThat(part).startsWith("{\n    \"file\" : \"dir/0.Dockerfile\"").endsWith("\n  }").contains("\n  }, {\n");
    }
}
