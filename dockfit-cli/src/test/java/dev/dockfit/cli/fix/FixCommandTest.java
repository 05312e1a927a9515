package dev.dockfit.cli.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.Main;
import dev.dockfit.cli.UserError;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixCommandTest {
    private static final String NAIVE = "# app\nFROM python:3.11\nWORKDIR /app\nCOPY . .\n"
            + "RUN pip install -r requirements.txt\nCMD [\"python\", \"app.py\"]\n";

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Path dockerfile(Path dir, String text) throws Exception {
        Files.writeString(dir.resolve("requirements.txt"), "flask\n");
        return Files.writeString(dir.resolve("Dockerfile"), text);
    }

    @Test
    void printsAUnifiedDiffAndTheSummaryAndLeavesTheFileAlone(@TempDir Path dir) throws Exception {
        Path f = dockerfile(dir, NAIVE);
        Run r = run("fix", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("--- " + f, "+++ " + f, "@@ -1,6 +1,9 @@\n # app\n-FROM python:3.11\n+FROM python:3.11-slim\n",
                "+USER app\n", "least-privilege:", "base-image:", "[DF201] python:3.11 to python:3.11-slim -> typically",
                "layer-cache:", "+++ " + dir.resolve(".dockerignore"));
        assertThat(Files.readString(f)).isEqualTo(NAIVE);
        assertThat(dir.resolve(".dockerignore")).doesNotExist();
    }

    @Test
    void writeReplacesTheFileAndCreatesTheDockerignore(@TempDir Path dir) throws Exception {
        Path f = dockerfile(dir, NAIVE);
        Run r = run("fix", "--write", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(f)).startsWith("# app\nFROM python:3.11-slim\n").contains("USER app\nCMD");
        assertThat(dir.resolve(".dockerignore")).exists();
        assertThat(run("fix", f.toString()).out()).doesNotContain("@@");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".dockfit-tmp"));
        }
    }

    @Test
    void levelSafeAndOnlyRestrictTheFixes(@TempDir Path dir) throws Exception {
        Path f = dockerfile(dir, "FROM debian:bookworm-slim\nRUN apt-get install -y x\nCMD [\"x\"]\n");
        assertThat(run("fix", "--level", "safe", f.toString()).out()).contains("--no-install-recommends").doesNotContain("USER");
        assertThat(run("fix", "--only", "df001", f.toString()).out()).contains("+USER app").doesNotContain("--no-install");
    }

    @Test
    void aFileChangedSinceItWasReadIsNotWritten(@TempDir Path dir) throws Exception {
        Path f = dockerfile(dir, "FROM alpine\n");
        byte[] read = Files.readAllBytes(f);
        Files.writeString(f, "FROM alpine:3.20\n");
        assertThatThrownBy(() -> AtomicWrite.replace(f, read, "FROM debian\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UserError.class).hasMessageContaining("changed since it was read")
                .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(ExitCodes.IO));
        assertThat(Files.readString(f)).isEqualTo("FROM alpine:3.20\n");
    }

    @Test
    void aFileThatDoesNotParseIsReportedAndUntouched(@TempDir Path dir) throws Exception {
        Path f = dockerfile(dir, "FROM debian\nENV PATH\n");
        Run r = run("fix", "--write", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).startsWith(f + ":2:").contains("(not fixed)");
        assertThat(Files.readString(f)).isEqualTo("FROM debian\nENV PATH\n");
    }

    @Test
    void usageAndIoErrorsAreOneLine(@TempDir Path dir) {
        Run missing = run("fix", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.IO);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("no such file");
        assertThat(run("fix", "--level", "bogus", "x").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("fix", "--only", "nope", "x").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("fix").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void theDockfitYamlBesideTheFileIsRead(@TempDir Path dir) throws Exception {
        Path f = dockerfile(dir, NAIVE);
        Files.writeString(dir.resolve(".dockfit.yaml"), "ignore:\n  - DF001\n  - DF201\n");
        Run r = run("fix", f.toString());
        assertThat(r.out()).doesNotContain("USER app", "least-privilege:", "python:3.11-slim").contains("layer-cache:");
        Path other = Files.createDirectory(dir.resolve("other"));
        Run explicit = run("fix", "--config", dir.resolve(".dockfit.yaml").toString(), dockerfile(other, NAIVE).toString());
        assertThat(explicit.out()).doesNotContain("USER app");
    }

    @Test
    void aBadConfigurationIsAOneLineUsageError(@TempDir Path dir) throws Exception {
        Path f = dockerfile(dir, NAIVE);
        Files.writeString(dir.resolve(".dockfit.yaml"), "ignore: [DF001\n");
        Run r = run("fix", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).startsWith("dockfit fix: " + dir.resolve(".dockfit.yaml")).doesNotContain("\n");
        assertThat(Files.readString(f)).isEqualTo(NAIVE);
    }

    @Test
    void levelAllAddsCacheMountsAndTheConfigurationCanRefuseThem(@TempDir Path dir) throws Exception {
        Path f = dockerfile(dir, NAIVE);
        assertThat(run("fix", "--level", "all", f.toString()).out())
                .contains("+RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n")
                .contains("[DF315] RUN --mount=type=cache,target=/root/.cache/pip");
        assertThat(run("fix", f.toString()).out()).doesNotContain("--mount");
        Files.writeString(dir.resolve(".dockfit.yaml"), "ignore: [DF315]\n");
        assertThat(run("fix", "--level", "all", f.toString()).out()).doesNotContain("--mount").contains("--no-cache-dir");
    }
}
