package dev.dockfit.lint.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs scripts/GenImageKb.java as a program, from the repository root as a maintainer does, and checks what it writes. */
class GenImageKbTest {

    private static final Path ROOT = root();
    private static final Path RESOURCE = ROOT.resolve("dockfit-lint/src/main/resources/dev/dockfit/lint/kb/official-images.json");

    @TempDir
    Path tmp;

    @TempDir
    static Path classes;

    /** Compiled once: launching the script from source costs seconds per run on a busy machine. */
    @BeforeAll
    static void compileScript() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "--release", "17", "-d", classes.toString(),
                ROOT.resolve("scripts/GenImageKb.java").toString());
        assertThat(rc).as("javac scripts/GenImageKb.java").isZero();
    }

    private static Path root() {
        String prop = System.getProperty("dockfit.root");
        Path dir = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("scripts/GenImageKb.java"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("cannot find the repository root (scripts/GenImageKb.java)");
        return dir;
    }

    private record Run(int exit, String stderr) {
    }

    private Run generate(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classes.toString(), "GenImageKb"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr;
        try (InputStream err = p.getErrorStream()) {
            stderr = new String(err.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), stderr);
    }

    @Test
    void regeneratingFromSharedGivesTheCommittedDataFileByteForByte() throws Exception {
        Path shared = ROOT.resolve("../shared").normalize();
        Assumptions.assumeTrue(Files.isDirectory(shared.resolve("official-images/library")),
                "SKIPPED: " + shared + "/official-images/library is missing, so the committed image knowledge base "
                        + "cannot be checked against a regeneration");
        Path out = tmp.resolve("kb.json");
        Run run = generate(shared.toString(), out.toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(Files.readString(out)).as("regenerate with: java scripts/GenImageKb.java ../shared " + RESOURCE)
                .isEqualTo(Files.readString(RESOURCE));
        try (InputStream in = Files.newInputStream(out)) {
            ImageKnowledge regenerated = ImageKnowledge.load(in);
            assertThat(regenerated.maintenance("node", "17")).isEqualTo(Maintenance.UNMAINTAINED);
        }
    }

    @Test
    void aMissingLibraryIsAOneLineIoError() throws Exception {
        Run run = generate(tmp.resolve("nothing").toString(), tmp.resolve("kb.json").toString());
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.stderr().strip()).startsWith("GenImageKb: not a directory:").doesNotContain("\n");
        assertThat(tmp.resolve("kb.json")).doesNotExist();
    }

    @Test
    void aBrokenCuratedFileIsAOneLineInputError() throws Exception {
        Path library = Files.createDirectories(tmp.resolve("shared/official-images/library"));
        Files.writeString(library.resolve("demo"), "Maintainers: x\n\nTags: 1.0, 1, latest\nArchitectures: amd64\n");
        Path curated = Files.writeString(tmp.resolve("curated.json"),
                "{\"images\": {\"demo\": {\"smaller\": [{\"from\": \"(\", \"to\": \"slim\"}]}}}");
        Run run = generate(tmp.resolve("shared").toString(), tmp.resolve("kb.json").toString(), curated.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr().strip()).contains("demo: bad pattern (").doesNotContain("\n");
        Files.writeString(curated, "{\"images\": {\"demo\": {}, \"demo\": {}}}");
        run = generate(tmp.resolve("shared").toString(), tmp.resolve("kb.json").toString(), curated.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr().strip()).contains("duplicate key \"demo\"").doesNotContain("\n");
        Files.writeString(curated, "{\"images\": ");
        run = generate(tmp.resolve("shared").toString(), tmp.resolve("kb.json").toString(), curated.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr().strip()).contains("curated JSON line 1").doesNotContain("\n");
    }

    @Test
    void aSmallLibraryIsDescribedWithVersionsAliasesAndDefaults() throws Exception {
        Path library = Files.createDirectories(tmp.resolve("shared/official-images/library"));
        Files.writeString(library.resolve("demo"), String.join("\n",
                "# comment", "Maintainers: A <a@example.org> (@a),", "             B <b@example.org> (@b)", "",
                "Tags: 2.1.0, 2.1, 2, latest", "",
                "Tags: 2.1.0-slim, 2.1-slim, slim", "Architectures: amd64, arm64v8", "",
                "Tags: 1.9.4, 1.9", "SharedTags: old", "",
                "Tags: 2.1.0-windowsservercore", "Architectures: windows-amd64", ""));
        Path curated = Files.writeString(tmp.resolve("curated.json"),
                "{\"images\": {\"demo\": {\"smaller\": [{\"from\": \"\", \"to\": \"slim\", \"fromMB\": 10, \"toMB\": 4}]},"
                        + " \"gone\": {\"deprecated\": {\"notice\": \"removed\"}}}}");
        Path out = tmp.resolve("kb.json");
        Run run = generate(tmp.resolve("shared").toString(), out.toString(), curated.toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        ImageKnowledge kb;
        try (InputStream in = Files.newInputStream(out)) {
            kb = ImageKnowledge.load(in);
        }
        OfficialImage demo = kb.image("demo").orElseThrow();
        assertThat(demo.versions()).containsOnlyKeys("2", "2.1", "2.1.0", "1.9", "1.9.4");
        assertThat(demo.versions().keySet()).startsWith("2");
        assertThat(demo.versions().get("2.1.0")).containsExactly("", "slim", "windowsservercore");
        assertThat(demo.lineDepth()).isEqualTo(1);
        assertThat(demo.builds().get(0).architectures()).containsExactly("amd64"); // bashbrew's default
        assertThat(demo.builds().get(3).windows()).isTrue();
        assertThat(kb.smallerVariant("demo", "2.1").orElseThrow().savingMB()).hasValue(6);
        assertThat(kb.smallerVariant("demo", "1.9")).isEmpty(); // 1.9-slim is not listed
        assertThat(kb.maintenance("demo", "old")).isEqualTo(Maintenance.MAINTAINED);
        assertThat(kb.maintenance("demo", "3")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.image("gone").orElseThrow().inLibrary()).isFalse();
        assertThat(kb.maintenance("gone", "1")).isEqualTo(Maintenance.UNMAINTAINED);
    }
}
