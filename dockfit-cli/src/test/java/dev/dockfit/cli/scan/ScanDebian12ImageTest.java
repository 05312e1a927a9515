package dev.dockfit.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockfit.cli.CliRun;
import dev.dockfit.testenv.ArchiveFormat;
import dev.dockfit.testenv.DebianBase;
import dev.dockfit.testenv.ImageRecipe;
import dev.dockfit.testenv.TestImages;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real image (buildah, FROM the debootstrapped minbase with the shipped bookworm dpkg status and os-release
 * replacing its own) scanned against the records derived from Debian's changelogs: exactly the expected
 * (package, vulnerability, fixed version) rows, none of the negative controls.
 */
class ScanDebian12ImageTest {

    @TempDir
    static Path tmp;

    static Path data;
    static String archive;
    static Path db;

    @BeforeAll
    static void buildImage() {
        data = ScanFixtures.shared("vulndata/debian12-derived");
        ImageRecipe recipe = ImageRecipe.of("FROM " + DebianBase.minbase() + "\n"
                        + "COPY status /var/lib/dpkg/status\n"
                        + "COPY os-release /usr/lib/os-release\n"
                        + "COPY debian_version /etc/debian_version\n")
                .withFile("status", ScanFixtures.read(data.resolve("status-minbase")))
                .withFile("os-release", ScanFixtures.read(data.resolve("os-release-minbase")))
                .withFile("debian_version", "12.15\n");
        String image = TestImages.ensureImage("scan-debian12-minbase", recipe);
        archive = TestImages.archive(image, ArchiveFormat.DOCKER_ARCHIVE).toString();
        db = ScanFixtures.database(tmp.resolve("db"), data.resolve("osv"));
    }

    @Test
    void reportsExactlyTheExpectedPairsAndNoNegativeControl() {
        JsonNode scan = ScanFixtures.scanJson(db, archive);
        Set<String> actual = new HashSet<>();
        for (JsonNode v : scan.get("vulnerabilities")) {
            actual.add(String.join("\t", v.get("package").asText(), v.get("installedVersion").asText(),
                    v.get("sourcePackage").asText(), v.get("sourceVersion").asText(), v.get("id").asText(),
                    v.get("fixedVersion").asText()));
        }
        List<String> rows = ScanFixtures.read(data.resolve("expected-minbase.tsv")).lines().skip(1).filter(l -> !l.isBlank()).toList();
        assertThat(rows).hasSize(16);
        assertThat(actual).containsExactlyInAnyOrderElementsOf(rows);
        assertThat(actual).noneMatch(r -> r.contains("NEGATIVE"));
        assertThat(scan.at("/os/ecosystem").asText()).isEqualTo("Debian:12");
        long installed = ScanFixtures.read(data.resolve("installed-minbase.tsv")).lines().filter(l -> l.endsWith("\tinstall ok installed")).count();
        assertThat(scan.get("tested").asLong()).isEqualTo(installed);
        assertThat(scan.at("/summary/total").asInt()).isEqualTo(16);
    }

    @Test
    void scanThroughTheLayerCacheEqualsOneThatReadsEveryLayer() throws java.io.IOException {
        JsonNode uncached = ScanFixtures.scanJson(db, archive, "--no-layer-cache");
        ScanFixtures.scanJson(db, archive);
        JsonNode warm = ScanFixtures.scanJson(db, archive);
        assertThat(warm).isEqualTo(uncached);
        // one file per layer, next to the database, named by diffID
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(tmp.resolve("layers/v1"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).hasSizeGreaterThanOrEqualTo(2)
                    .allMatch(n -> n.matches("sha256-[0-9a-f]{64}"));
        }
    }

    @Test
    void everyPackageNamesTheLayerThatBroughtIt() {
        JsonNode scan = ScanFixtures.scanJson(db, archive);
        for (JsonNode v : scan.get("vulnerabilities")) {
            JsonNode layer = v.get("layer");
            assertThat(layer.get("index").asInt()).as(v.toString()).isBetween(0, 3);
            assertThat(layer.get("createdBy").asText()).as(v.toString()).isNotBlank();
        }
    }

    @Test
    void ttyReportShowsTheDockerScanSummaryAndTheTable() {
        CliRun run = CliRun.of("scan", "--db-dir=" + db, "--offline", archive);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("OS:          Debian GNU/Linux 12 (bookworm)")
                .containsPattern("Tested \\d+ dependencies for known vulnerabilities, found 16 vulnerabilities \\(")
                .contains("PACKAGE", "INSTALLED", "FIXED", "SEVERITY", "LAYER")
                .contains("DEBIAN-CVE-2026-109518");
    }

    @Test
    void ignoreFileDropsMatchesByIdAndPackageUntilTheyExpire() throws Exception {
        Path ignore = tmp.resolve("ignore.yaml");
        java.nio.file.Files.writeString(ignore, """
                ignore:
                  - id: DEBIAN-CVE-2026-109518
                    package: libapt-pkg6.0
                    reason: only apt's own binary links it, and apt is never run in the container
                  - id: DEBIAN-CVE-2025-15649
                    expires: 2000-01-01
                    reason: expired long ago
                """);
        JsonNode scan = ScanFixtures.scanJson(db, archive, "--ignore-file=" + ignore);
        assertThat(scan.at("/summary/total").asInt()).isEqualTo(15);
        assertThat(scan.at("/summary/ignored").asInt()).isEqualTo(1);
        assertThat(scan.at("/ignored/0/package").asText()).isEqualTo("libapt-pkg6.0");
        assertThat(scan.get("vulnerabilities").toString()).contains("\"package\":\"apt\"").contains("DEBIAN-CVE-2025-15649");
        // a source package name covers all its binaries
        java.nio.file.Files.writeString(ignore, "ignore:\n  - id: CVE-2026-109518\n    package: apt\n");
        assertThat(ScanFixtures.scanJson(db, archive, "--ignore-file=" + ignore).at("/summary/ignored").asInt()).isEqualTo(2);

        java.nio.file.Files.writeString(ignore, "ignore:\n  - id: X\n    expires: next week\n");
        CliRun bad = CliRun.of("scan", "--db-dir=" + db, "--ignore-file=" + ignore, archive);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).contains("ignore entry 1: 'expires' must be a date").doesNotContain("\n");
    }

    @Test
    void cycloneDxAndSarifCarryTheVulnerabilities() throws Exception {
        CliRun cdx = CliRun.of("scan", "--db-dir=" + db, "--format=cyclonedx", archive);
        assertThat(cdx.exitCode()).as(cdx.err()).isZero();
        JsonNode bom = new com.fasterxml.jackson.databind.ObjectMapper().readTree(cdx.out());
        assertThat(SbomCommandTest.cycloneDxSchema().validate(bom)).isEmpty();
        assertThat(bom.get("vulnerabilities")).hasSize(16);
        Set<String> refs = new HashSet<>();
        bom.get("components").forEach(c -> refs.add(c.get("bom-ref").asText()));
        bom.get("vulnerabilities").forEach(v -> assertThat(refs).contains(v.at("/affects/0/ref").asText()));

        CliRun sarif = CliRun.of("scan", "--db-dir=" + db, "--format=sarif", archive);
        JsonNode log = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sarif.out());
        assertThat(log.at("/runs/0/results")).hasSize(16);
        assertThat(log.at("/runs/0/results/0/ruleId").asText()).isEqualTo("VULN");
    }

    @Test
    void failOnSetsExitCodeOneAndFiltersNarrowTheReport() {
        CliRun fail = CliRun.of("scan", "--db-dir=" + db, "--offline", "--fail-on=unknown", "--format=json", archive);
        assertThat(fail.exitCode()).isEqualTo(1);
        JsonNode none = ScanFixtures.scanJson(db, archive, "--severity=critical", "--ignore-unfixed");
        for (JsonNode v : none.get("vulnerabilities")) {
            assertThat(v.get("severity").asText()).isEqualTo("CRITICAL");
            assertThat(v.get("fixedVersion").isNull()).isFalse();
        }
    }
}
