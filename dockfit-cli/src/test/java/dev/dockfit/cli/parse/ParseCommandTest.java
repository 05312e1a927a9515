package dev.dockfit.cli.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockfit.cli.CliRun;
import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.Json;
import dev.dockfit.testdata.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void jsonHasInstructionsAndStages() throws Exception {
        Path f = write("ARG TAG=3.12\nFROM python:${TAG}-slim AS app\nRUN <<EOF\npip install x\nEOF\n"
                + "COPY --chown=app:app . /app\nFROM app\n");
        CliRun r = CliRun.of("parse", f.toString());
        assertThat(r.exitCode()).isZero();
        JsonNode root = Json.MAPPER.readTree(r.out());
        JsonNode run = root.get("instructions").get(2);
        assertThat(run.get("keyword").asText()).isEqualTo("RUN");
        assertThat(run.get("heredocs").get(0).get("body").asText()).isEqualTo("pip install x\n");
        assertThat(run.get("range").get("startLine").asInt()).isEqualTo(3);
        assertThat(run.get("range").get("endLine").asInt()).isEqualTo(5);
        assertThat(root.get("instructions").get(0).get("stage").isNull()).isTrue();
        JsonNode copy = root.get("instructions").get(3);
        assertThat(copy.get("flags").get(0).asText()).isEqualTo("--chown=app:app");
        JsonNode base = root.get("stages").get(0).get("base");
        assertThat(base.get("raw").asText()).isEqualTo("python:${TAG}-slim");
        assertThat(base.get("resolved").asText()).isEqualTo("python:3.12-slim");
        assertThat(base.get("repository").asText()).isEqualTo("python");
        assertThat(base.get("tag").asText()).isEqualTo("3.12-slim");
        assertThat(root.get("stages").get(1).get("base").get("stage").asInt()).isZero();
    }

    @Test
    void buildkitFormatMatchesTheConformanceResult() throws Exception {
        Path dirCase = SharedData.require("conformance/buildkit-parser/testfiles/flags");
        CliRun r = CliRun.of("parse", "--format=buildkit", dirCase.resolve("Dockerfile").toString());
        assertThat(r.out()).isEqualTo(Files.readString(dirCase.resolve("result")));
    }

    @Test
    void parseErrorIsOneLineWithPositionAndExitOne() throws Exception {
        Path f = write("FROM a\n\nENV PATH\n");
        CliRun r = CliRun.of("parse", f.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).isEqualTo(f + ":3:1: error: ENV must have two arguments\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void emptyFileIsAnError() throws Exception {
        Path f = write("");
        CliRun r = CliRun.of("parse", f.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).contains("file with no instructions");
    }

    @Test
    void missingFileIsAnIoError() {
        CliRun r = CliRun.of("parse", dir.resolve("nope").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.IO);
        assertThat(r.err().strip()).endsWith("nope: no such file");
    }
}
