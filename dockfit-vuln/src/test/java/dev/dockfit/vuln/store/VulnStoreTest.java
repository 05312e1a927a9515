package dev.dockfit.vuln.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockfit.image.packages.DpkgDatabase;
import dev.dockfit.image.packages.OsInfo;
import dev.dockfit.image.packages.Package;
import dev.dockfit.vuln.SharedData;
import dev.dockfit.vuln.match.MatchResult;
import dev.dockfit.vuln.match.Matcher;
import dev.dockfit.vuln.osv.AlpineSecdb;
import dev.dockfit.vuln.osv.OsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VulnStoreTest {

    @TempDir
    Path tmp;

    @Test
    void importsADirectoryAndLooksUpByEcosystemAndPackage() throws Exception {
        Path records = SharedData.require("vulndata/osv-records");
        // 963 OSV files, plus the records converted from the two Alpine secdb files beside them.
        int secdb = 0;
        for (String f : List.of("v3.10_main.yaml", "v3.11_main.yaml")) {
            secdb += AlpineSecdb.toOsv(AlpineSecdb.read(Files.readAllBytes(records.resolve("native-alpine-secdb").resolve(f))), "x").size();
        }
        int total = 963 + secdb;
        try (VulnStore store = VulnStore.open(tmp.resolve("db"))) {
            ImportStats first = OsvArchives.importPath(store, records);
            assertThat(first.imported()).isEqualTo(total);
            assertThat(first.invalid()).isEmpty();
            assertThat(store.find("Maven", "org.apache.tomcat:tomcat-catalina")).extracting(OsvRecord::id).contains("GHSA-h3gc-qfqq-6h8f");
            assertThat(store.find("PyPI", "pyyaml")).extracting(OsvRecord::id).contains("PYSEC-2020-96");
            assertThat(store.find("Alpine:v3.18", "musl")).extracting(OsvRecord::id).containsExactly("ALPINE-CVE-2025-26519");
            assertThat(store.find("Alpine:v3.18", "busybox")).isEmpty();

            ImportStats again = OsvArchives.importPath(store, records);
            assertThat(again.imported()).isZero();
            assertThat(again.unchanged()).isEqualTo(total);

            StoreStatus status = store.status();
            assertThat(status.records()).isEqualTo(total);
            assertThat(status.sources()).singleElement().satisfies(s -> assertThat(s.records()).isEqualTo(total));
            assertThat(status.ecosystems()).anySatisfy(e -> {
                assertThat(e.ecosystem()).isEqualTo("Maven");
                assertThat(e.records()).isGreaterThan(400);
            });
        }
    }

    @Test
    void theStoreMatchesTheDebianMinbaseLikeTheRecordsThemselves() throws Exception {
        Path dir = SharedData.require("vulndata/debian12-derived");
        List<Package> packages = DpkgDatabase.parse(Files.readAllBytes(dir.resolve("status-minbase")), "var/lib/dpkg/status",
                new OsInfo("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)", "12 (bookworm)"));
        try (VulnStore store = VulnStore.open(tmp.resolve("db"))) {
            OsvArchives.importPath(store, dir.resolve("osv"));
            MatchResult r = new Matcher(store).match(new OsInfo("debian", "12", "bookworm", "", ""), packages);
            long expected = Files.readAllLines(dir.resolve("expected-minbase.tsv")).stream().skip(1).filter(l -> !l.isBlank()).count();
            assertThat(r.matches()).hasSize((int) expected);
            assertThat(r.matches()).noneMatch(m -> m.id().contains("NEGATIVE"));
        }
    }

    @Test
    void invalidFilesAreReportedAndTheRestImported() throws Exception {
        Path dir = tmp.resolve("in");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("good.json"), "{\"id\":\"X-1\",\"modified\":\"2024-01-01T00:00:00Z\",\"affected\":["
                + "{\"package\":{\"ecosystem\":\"npm\",\"name\":\"left-pad\"},\"ranges\":[{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"0\"}]}]}]}");
        Files.writeString(dir.resolve("bad.json"), "{\"id\": ");
        Files.writeString(dir.resolve("noid.json"), "{\"affected\": []}");
        try (VulnStore store = VulnStore.open(tmp.resolve("db"))) {
            ImportStats s = OsvArchives.importPath(store, dir);
            assertThat(s.imported()).isEqualTo(1);
            assertThat(s.invalid()).hasSize(2).allMatch(l -> l.contains(".json: "));
            assertThat(store.find("npm", "left-pad")).hasSize(1);
        }
        assertThatThrownBy(() -> {
            try (VulnStore store = VulnStore.open(tmp.resolve("db"))) {
                OsvArchives.importPath(store, tmp.resolve("missing.zip"));
            }
        }).isInstanceOf(StoreException.class).hasMessageContaining("missing.zip: no such file");
    }

    @Test
    void newerMeansLaterInTimeWhateverTheSpellingOfTheTimestamp() throws Exception {
        String template = "{\"id\":\"X-1\",\"modified\":\"%s\",\"summary\":\"%s\",\"affected\":["
                + "{\"package\":{\"ecosystem\":\"npm\",\"name\":\"p\"},\"versions\":[\"1.0.0\"]}]}";
        try (VulnStore store = VulnStore.open(tmp.resolve("db"))) {
            store.importDocuments("t", List.of(doc(template, "2024-01-01T00:00:00Z", "first")), false);
            // Half a second later, written with a fraction: newer, although it sorts lower as a plain string.
            ImportStats later = store.importDocuments("t", List.of(doc(template, "2024-01-01T00:00:00.5Z", "second")), false);
            assertThat(later.imported()).isEqualTo(1);
            ImportStats same = store.importDocuments("t", List.of(doc(template, "2024-01-01T01:00:00.500+01:00", "third")), false);
            assertThat(same.unchanged()).isEqualTo(1);
            assertThat(store.find("npm", "p")).extracting(OsvRecord::summary).containsExactly("second");
        }
    }

    private static VulnStore.Document doc(String template, String modified, String summary) {
        return new VulnStore.Document("test", String.format(template, modified, summary).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCorruptZipLeavesTheStoreAsItWas() throws IOException, StoreException {
        Path zip = tmp.resolve("bad.zip");
        Files.write(zip, "PK\u0003\u0004garbage that is not really a zip".getBytes(StandardCharsets.ISO_8859_1));
        try (VulnStore store = VulnStore.open(tmp.resolve("db"))) {
            assertThatThrownBy(() -> OsvArchives.verifyZip(zip)).isInstanceOf(StoreException.class).hasMessageContaining("bad.zip");
            assertThat(store.status().records()).isZero();
        }
    }
}
