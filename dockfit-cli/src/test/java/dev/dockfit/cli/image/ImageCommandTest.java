package dev.dockfit.cli.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockfit.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image command end to end on dive's sample archive: every format, exit codes, one-line errors. */
class ImageCommandTest {
    record Run(int exit, String out, String err) {
    }

    static Path shared(String rel) {
        String root = System.getProperty("dockfit.root", "..");
        Path p = Path.of(root).resolve("../shared/images").resolve(rel).normalize();
        assumeTrue(Files.exists(p), "SKIPPED: shared test image " + p + " is absent (needs ../shared/images)");
        return p;
    }

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        Run r = run("image", "--format", "json", shared("wagoodman__dive/test-docker-image.tar").toString());
        assertThat(r.exit()).isEqualTo(1); // runs as root: a warning
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode image = json.path("image");
        assertThat(image.path("layers")).hasSize(14);
        JsonNode layer = image.path("layers").get(1);
        for (String field : new String[] {"index", "digest", "diffId", "compressedBytes", "uncompressedBytes", "createdBy"}) {
            assertThat(layer.has(field)).as(field).isTrue();
        }
        assertThat(layer.path("createdBy").asText()).contains("ADD file:");
        assertThat(image.path("totalFileBytes").asLong()).isPositive();
        assertThat(image.path("reclaimableBytes").asLong())
                .isEqualTo(image.path("totalFileBytes").asLong() - image.path("finalFileBytes").asLong());
        assertThat(image.path("user").path("isRoot").asBoolean()).isTrue();
        assertThat(image.path("user").path("uid").asLong()).isZero();
        assertThat(image.path("user").path("name").asText()).isEqualTo("root");
        assertThat(image.path("user").has("raw")).isTrue();
        assertThat(image.path("dive").path("wastedBytes").asLong()).isEqualTo(32025);
        assertThat(image.path("dive").path("efficiency").asDouble()).isEqualTo(0.9844212134184309);
        assertThat(json.path("findings").get(0).path("practice").asText()).isEqualTo("least-privilege");
    }

    @Test
    void sarifAndHtml(@TempDir Path dir) throws Exception {
        String image = shared("wagoodman__dive/test-docker-image.tar").toString();
        Run sarif = run("image", "--format", "sarif", image);
        JsonNode log = new ObjectMapper().readTree(sarif.out());
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        assertThat(log.path("runs").get(0).path("tool").path("driver").path("rules").get(0).path("id").asText()).isEqualTo("IMG001");
        assertThat(log.path("runs").get(0).path("results").get(0).path("level").asText()).isEqualTo("warning");

        Path html = dir.resolve("report.html");
        Run h = run("image", "--format", "html", "-o", html.toString(), image);
        assertThat(h.exit()).isEqualTo(1);
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg").contains("<style>")
                .contains("/root/example/somefile1.txt");
        assertThat(page).doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http");
    }

    @Test
    void ttyAndFailThreshold() {
        String image = shared("wagoodman__dive/test-docker-image.tar").toString();
        Run r = run("image", "--fail-on", "error", image);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("created by").contains("Largest wasted files").contains("IMG001");
        assertThat(r.err()).isEmpty(); // no progress when not on a terminal
    }

    @Test
    void diveCiFlagsFail() {
        Run r = run("image", "--fail-on", "error", "--highest-user-wasted-percent", "0.1",
                shared("wagoodman__dive/test-docker-image.tar").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  highestUserWastedPercent").contains("IMG040");
    }

    @Test
    void errorsAreOneLineWithExitCodes(@TempDir Path dir) throws Exception {
        Run missing = run("image", dir.resolve("nope.tar").toString());
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("no such file");
        Path junk = Files.writeString(dir.resolve("junk.tar"), "not a tar at all".repeat(100));
        Run bad = run("image", junk.toString());
        assertThat(bad.exit()).isEqualTo(3);
        assertThat(bad.err().strip()).doesNotContain("\n").startsWith("dockfit image:");
        Run usage = run("image", "--platform", "linux", "x.tar");
        assertThat(usage.exit()).isEqualTo(2);
        Run format = run("image", "--format", "xml", "x.tar");
        assertThat(format.exit()).isEqualTo(2);
    }
}
