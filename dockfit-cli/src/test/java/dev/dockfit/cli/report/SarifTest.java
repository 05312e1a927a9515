package dev.dockfit.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Location;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared finding writers: JSON objects and the SARIF 2.1.0 log. */
class SarifTest {
    private final Finding positioned = new Finding("DF001", Severity.WARNING, Practice.BASE_IMAGE, "pin the tag",
            new Location("Dockerfile", 3, 1, 3, 12), true, Map.of("image", "node"));
    private final Finding whole = new Finding("IMG001", Severity.INFO, Practice.LEAST_PRIVILEGE, "root",
            Location.whole("app.tar"));

    @Test
    void sarifHasRulesResultsLevelsAndRegions() {
        JsonNode log = Sarif.log(List.of(positioned, whole, positioned), "1.0", Map.of("DF001", "Pin base image tags"));
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = log.path("runs").get(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).path("shortDescription").path("text").asText()).isEqualTo("Pin base image tags");
        assertThat(rules.get(1).path("shortDescription").path("text").asText()).isEqualTo("root");
        JsonNode results = run.path("results");
        assertThat(results).hasSize(3);
        JsonNode first = results.get(0);
        assertThat(first.path("level").asText()).isEqualTo("warning");
        assertThat(first.path("ruleIndex").asInt()).isZero();
        JsonNode region = first.path("locations").get(0).path("physicalLocation").path("region");
        assertThat(region.path("startLine").asInt()).isEqualTo(3);
        assertThat(region.path("endColumn").asInt()).isEqualTo(12);
        JsonNode second = results.get(1);
        assertThat(second.path("level").asText()).isEqualTo("note");
        assertThat(second.path("locations").get(0).path("physicalLocation").has("region")).isFalse();
        assertThat(second.path("properties").path("practice").asText()).isEqualTo("least-privilege");
    }

    @Test
    void findingJsonLeavesOutPositionsOfWholeSourceFindings() {
        JsonNode a = FindingsJson.toJson(positioned);
        assertThat(a.path("line").asInt()).isEqualTo(3);
        assertThat(a.path("fixable").asBoolean()).isTrue();
        assertThat(a.path("properties").path("image").asText()).isEqualTo("node");
        JsonNode b = FindingsJson.toJson(whole);
        assertThat(b.has("line")).isFalse();
        assertThat(b.path("file").asText()).isNotEmpty();
        assertThat(b.path("severity").asText()).isEqualTo("info");
        assertThat(Thresholds.fails(List.of(whole), Severity.WARNING)).isFalse();
        assertThat(Thresholds.fails(List.of(whole, positioned), Severity.WARNING)).isTrue();
    }
}
