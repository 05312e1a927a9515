package dev.dockfit.cli.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockfit.cli.CliRun;
import dev.dockfit.image.ImageSource;
import dev.dockfit.image.registry.RegistryTags;
import dev.dockfit.testenv.ArchiveFormat;
import dev.dockfit.testenv.DebianBase;
import dev.dockfit.testenv.ImageRecipe;
import dev.dockfit.testenv.LocalRegistry;
import dev.dockfit.testenv.Skopeo;
import dev.dockfit.testenv.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dockfit recommend} against Debian's docker-registry on 127.0.0.1 holding three real images under one
 * repository: bookworm with {@code hello} installed (large), the slim variant, and a busybox-style single-file
 * image; the database is the debian12-derived records plus one crafted from a real record for {@code hello}, so
 * that the three images' counts differ (large = slim + 1, tiny 0).
 */
class RecommendCommandTest {

    @TempDir
    static Path tmp;

    static LocalRegistry registry;
    static Path db;
    static String repo;
    static String largeArchive;
    static String slimArchive;

    @BeforeAll
    static void registryWithVariants() throws IOException {
        Path data = shared("vulndata/debian12-derived/osv");
        String large = DebianBase.withPackages("hello");
        String slim = DebianBase.slim();
        String tiny = TestImages.ensureImage("recommend-busybox-style", ImageRecipe.of("FROM scratch\nCOPY busybox /bin/busybox\n")
                .withFile("busybox", "#!/bin/sh\necho a busybox-style single-binary image\n"));
        largeArchive = TestImages.archive(large, ArchiveFormat.DOCKER_ARCHIVE).toString();
        slimArchive = TestImages.archive(slim, ArchiveFormat.DOCKER_ARCHIVE).toString();
        registry = LocalRegistry.start();
        repo = registry.hostAndPort() + "/dockfit/debian";
        push(large, "12.1", "12.2", "latest");
        push(slim, "12.2-slim", "13.0", "bookworm-slim", "13.1-rc1");
        push(tiny, "12.2-busybox");

        Path crafted = tmp.resolve("crafted");
        Files.createDirectories(crafted);
        String real = Files.readString(data.resolve("DEBIAN-CVE-2026-109518.json"));
        Files.writeString(crafted.resolve("x_DOCKFIT-HELLO.json"), real
                .replace("\"id\": \"DEBIAN-CVE-2026-109518\"", "\"id\": \"x_DOCKFIT-HELLO-CVE-2026-109518\"")
                .replace("\"name\": \"apt\"", "\"name\": \"hello\"")
                .replace("\"fixed\": \"2.6.2\"", "\"fixed\": \"2.10-99\""));
        db = tmp.resolve("db");
        CliRun imported = CliRun.of("db", "--db-dir=" + db, "import", data.toString(), crafted.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }

    @AfterAll
    static void stop() {
        if (registry != null) registry.close();
    }

    private static void push(String image, String... tags) {
        Path layout = TestImages.archive(image, ArchiveFormat.OCI_LAYOUT);
        String tag = image.substring(image.lastIndexOf(':') + 1);
        for (String t : tags) Skopeo.copyToRegistry("oci:" + layout + ":" + tag, registry, "dockfit/debian:" + t);
    }

    private static JsonNode recommend(Path cache, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("recommend", "--db-dir=" + db, "--cache-dir=" + cache, "--format=json"));
        args.addAll(List.of(extra));
        args.add(repo + ":12.1");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void proposesUpgradesAndAlternativesWithTheirScannedCounts() throws IOException {
        Path cache = tmp.resolve("cache-a");
        JsonNode r = recommend(cache);
        assertThat(r.at("/current/tag").asText()).isEqualTo("12.1");
        // the counts are those a full scan of the same image reports; hello's crafted record is the only difference
        assertThat(r.at("/current/vulnerabilities")).isEqualTo(scanSummary(largeArchive));
        int slimTotal = scanSummary(slimArchive).get("total").asInt();
        assertThat(slimTotal).isPositive();
        assertThat(r.at("/current/vulnerabilities/total").asInt()).isEqualTo(slimTotal + 1);
        assertThat(r.at("/minorUpgrades/0/tag").asText()).isEqualTo("12.2");
        assertThat(r.get("minorUpgrades")).hasSize(1);
        assertThat(r.at("/majorUpgrades/0/tag").asText()).isEqualTo("13.0");
        assertThat(r.get("majorUpgrades")).hasSize(1);
        assertThat(r.at("/majorUpgrades/0/vulnerabilities")).isEqualTo(scanSummary(slimArchive));
        List<String> alternatives = new ArrayList<>();
        r.get("alternatives").forEach(a -> alternatives.add(a.get("tag").asText()));
        assertThat(alternatives).containsExactlyInAnyOrder("12.2-slim", "12.2-busybox");
        JsonNode busybox = find(r.get("alternatives"), "12.2-busybox");
        JsonNode slim = find(r.get("alternatives"), "12.2-slim");
        assertThat(busybox.at("/vulnerabilities/total").asInt()).isZero();
        assertThat(busybox.get("tested").asInt()).isZero();
        assertThat(slim.at("/vulnerabilities/total").asInt()).isEqualTo(slimTotal);
        assertThat(busybox.get("compressedBytes").asLong()).isLessThan(slim.get("compressedBytes").asLong());
        assertThat(slim.get("compressedBytes").asLong()).isLessThan(r.at("/current/compressedBytes").asLong());

        // one cache entry per distinct manifest digest (12.1 and 12.2 share one; 12.2-slim and 13.0 another)
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.filter(f -> f.toString().endsWith(".json")).count()).isEqualTo(3);
        }
        assertThat(recommend(cache)).as("a cached run answers the same").isEqualTo(r);
    }

    @Test
    void tagListIsPaginated() throws IOException {
        List<String> all = RegistryTags.list("docker://" + repo, ImageSource.Options.defaults(), 100);
        assertThat(all).containsExactlyInAnyOrder("12.1", "12.2", "latest", "12.2-slim", "13.0", "bookworm-slim", "13.1-rc1", "12.2-busybox");
        assertThat(RegistryTags.list("docker://" + repo, ImageSource.Options.defaults(), 2)).containsExactlyInAnyOrderElementsOf(all);
        JsonNode small = recommend(tmp.resolve("cache-b"), "--page-size=1");
        assertThat(small.at("/majorUpgrades/0/tag").asText()).isEqualTo("13.0");
    }

    @Test
    void ttyTableAndScanSection() throws IOException {
        CliRun run = CliRun.of("recommend", "--db-dir=" + db, "--cache-dir=" + tmp.resolve("cache-c"), repo + ":12.1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Base image recommendations for " + repo + ":12.1")
                .containsPattern("Current image\\s+12\\.1\\s+\\S+ MiB(\\s+\\d+){6}")
                .contains("Minor upgrades", "Major upgrades", "Alternative image types", "12.2-busybox");
        CliRun scan = CliRun.of("scan", "--db-dir=" + db, "--cache-dir=" + tmp.resolve("cache-c"), "docker://" + repo + ":12.1");
        assertThat(scan.exitCode()).as(scan.err()).isZero();
        assertThat(scan.out()).contains("found " + scanSummary(largeArchive).get("total").asInt() + " vulnerabilities").contains("Base image recommendations").contains("12.2-slim");
        CliRun offline = CliRun.of("scan", "--db-dir=" + db, "--offline", "docker://" + repo + ":12.1");
        assertThat(offline.out()).doesNotContain("Base image recommendations");
    }

    @Test
    void unreachableRegistryIsAOneLineError() {
        CliRun run = CliRun.of("recommend", "--db-dir=" + db, "--cache-dir=" + tmp.resolve("cache-d"), "127.0.0.1:1/dockfit/debian:12.1");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).startsWith("dockfit recommend: ").doesNotContain("\n");
    }

    /** The per-severity counts of {@code dockfit scan --format json} of an archive of the same image. */
    private static JsonNode scanSummary(String archive) throws IOException {
        CliRun run = CliRun.of("scan", "--db-dir=" + db, "--format=json", "--offline", archive);
        assertThat(run.exitCode()).as(run.err()).isZero();
        com.fasterxml.jackson.databind.node.ObjectNode summary = (com.fasterxml.jackson.databind.node.ObjectNode)
                new ObjectMapper().readTree(run.out()).get("summary").deepCopy();
        summary.remove(List.of("ignored", "filtered"));
        return summary;
    }

    private static JsonNode find(JsonNode list, String tag) {
        for (JsonNode n : list) if (n.get("tag").asText().equals(tag)) return n;
        throw new AssertionError(tag + " not in " + list);
    }

    private static Path shared(String relative) {
        String root = System.getProperty("dockfit.root");
        Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        Path p = base.resolve("../shared").resolve(relative).normalize();
        assumeTrue(Files.exists(p), "!!!!! SKIPPED: shared test data " + p + " is absent !!!!!");
        return p;
    }
}
