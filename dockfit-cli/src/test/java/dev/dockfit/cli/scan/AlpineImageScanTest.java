package dev.dockfit.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockfit.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trivy's alpine:3.10.4 sample image against Alpine's OSV records and its v3.10 secdb. */
class AlpineImageScanTest {

    @TempDir
    Path tmp;

    @Test
    void alpine310CarriesEveryListedFix() {
        Path image = ScanFixtures.shared("images/aquasecurity__trivy/alpine-310.tar.gz");
        Path records = ScanFixtures.shared("vulndata/osv-records");
        Path db = ScanFixtures.database(tmp.resolve("db"), records.resolve("alpine"), records.resolve("native-alpine-secdb"));
        JsonNode scan = ScanFixtures.scanJson(db, image.toString());
        assertThat(scan.at("/os/ecosystem").asText()).isEqualTo("Alpine:v3.10");
        assertThat(scan.at("/os/versionId").asText()).isEqualTo("3.10.4");
        // 14 apk packages, every one looked up by its origin in Alpine:v3.10
        assertThat(scan.get("tested").asInt()).isEqualTo(14);
        assertThat(scan.get("vulnerabilities")).isEmpty();
        assertThat(scan.get("warnings")).isEmpty();
    }

    @Test
    void sbomListsTheApkPackagesWithOriginsAndLayer() throws Exception {
        Path image = ScanFixtures.shared("images/aquasecurity__trivy/alpine-310.tar.gz");
        CliRun run = CliRun.of("sbom", "--format=cyclonedx", "--layer-cache", tmp.resolve("layers").toString(), image.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode bom = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        JsonNode musl = null;
        for (JsonNode c : bom.get("components")) if (c.get("name").asText().equals("musl-utils")) musl = c;
        assertThat(musl).isNotNull();
        assertThat(musl.get("purl").asText()).isEqualTo("pkg:apk/alpine/musl-utils@1.1.22-r3?arch=x86_64&distro=alpine-3.10.4&upstream=musl");
        assertThat(musl.get("properties").toString()).contains("\"dockfit:package:source\"").contains("musl 1.1.22-r3")
                .contains("\"dockfit:layer:index\",\"value\":\"0\"");
    }
}
