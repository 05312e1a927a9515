package dev.dockfit.cli.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockfit.cli.CliRun;
import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lint command end to end: inputs, configuration, exit codes, and what each format carries. */
class LintCommandTest {
    /** Runs as root (DF001, a warning) and installs recommended packages (DF400, info) on line 2. */
    static final String ROOT_APT = """
            FROM debian:bookworm-slim
            RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
            """;
    static final String CLEAN = """
            FROM debian:bookworm-slim
            USER nobody
            """;

    @TempDir
    Path tmp;

    Path write(String rel, String text) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    static JsonNode json(String s) throws IOException {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void argumentsAreReadInOrderWhateverTheyName() throws Exception {
        write("a/Dockerfile", ROOT_APT);
        write("b/x/Dockerfile", CLEAN);
        write("b/y.Dockerfile", ROOT_APT);
        write("c.Dockerfile", CLEAN);
        CliRun r = CliRun.of("lint", "--format", "gnu", tmp.resolve("c.Dockerfile").toString(), tmp.resolve("b").toString(),
                tmp.resolve("a/Dockerfile").toString(), tmp.resolve("b/x").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.out().lines().map(l -> l.substring(tmp.toString().length() + 1, l.indexOf(':'))).distinct().toList())
                .containsExactly("b/y.Dockerfile", "a/Dockerfile");
        CliRun json = CliRun.of("lint", "--format", "json", tmp.resolve("c.Dockerfile").toString(), tmp.resolve("b").toString(),
                tmp.resolve("b/x").toString());
        assertThat(json(json.out()).path("summary").path("files").asInt()).isEqualTo(4);
    }

    @Test
    void anArgumentNamingNothingStopsTheRunBeforeAnyOutputWhereverItIs() throws Exception {
        write("a/Dockerfile", ROOT_APT);
        write("bad/.dockfit.yaml", "ignore: [\n");
        write("bad/Dockerfile", ROOT_APT);
        for (List<String> args : List.of(List.of("a", "missing"), List.of("missing", "a"), List.of("bad/Dockerfile", "a", "missing"))) {
            List<String> command = new ArrayList<>(List.of("lint", "--format", "json"));
            for (String a : args) command.add(tmp.resolve(a).toString());
            CliRun r = CliRun.of(command.toArray(String[]::new));
            assertThat(r.exitCode()).as(args + ": " + r.err()).isEqualTo(ExitCodes.IO);
            assertThat(r.err().strip()).as(args.toString()).endsWith("missing: no such file or directory").doesNotContain("\n");
            assertThat(r.out()).isEmpty();
        }
        CliRun config = CliRun.of("lint", tmp.resolve("a").toString(), tmp.resolve("bad/Dockerfile").toString());
        assertThat(config.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(config.err()).contains(".dockfit.yaml").doesNotContain("\n    at ");
        Files.createDirectories(tmp.resolve("empty"));
        CliRun empty = CliRun.of("lint", tmp.resolve("a").toString(), tmp.resolve("empty").toString(), tmp.resolve("missing").toString());
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err().strip()).endsWith("empty: no Dockerfile in this directory");
    }

    @Test
    void aDirectoryArgumentReadsOnlyTheConfigurationsOfTheFilesBelowIt() throws Exception {
        // a broken configuration above the directory is never read: the one below it is closer to every file
        write("outer/.dockfit.yaml", "ignore: [\n");
        write("outer/project/.dockfit.yaml", "ignore: [DF001]\n");
        write("outer/project/Dockerfile", ROOT_APT);
        CliRun r = CliRun.of("lint", "--format", "gnu", tmp.resolve("outer/project").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("DF400").doesNotContain("DF001");
    }

    @Test
    void directoriesAreSearchedForDockerfileNamesSkippingVendoredAndBuildDirs() throws Exception {
        write("Dockerfile", CLEAN);
        write("sub/Containerfile", CLEAN);
        write("sub/api.Dockerfile", CLEAN);
        write("sub/Dockerfile.prod", CLEAN);
        write("sub/README.md", "FROM x\n");
        write("node_modules/pkg/Dockerfile", ROOT_APT);
        write("target/Dockerfile", ROOT_APT);
        write(".git/Dockerfile", ROOT_APT);
        CliRun r = CliRun.of("lint", "--format", "json", tmp.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(json(r.out()).path("summary").path("files").asInt()).isEqualTo(4);
        CliRun none = CliRun.of("lint", tmp.resolve("sub/README.md").getParent().resolve("nothing").toString());
        assertThat(none.exitCode()).isEqualTo(3);
        assertThat(none.err().strip()).endsWith("nothing: no such file or directory").doesNotContain("\n");
    }

    @Test
    void aParseErrorIsAFindingAndTheOtherFilesAreStillLinted() throws Exception {
        Path broken = write("a/Dockerfile", "FROM alpine\nENV PATH\n");
        Path ok = write("b/Dockerfile", ROOT_APT);
        CliRun r = CliRun.of("lint", "--format", "gnu", broken.toString(), ok.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains(broken + ":2:").contains("error").contains("[DF000]");
        assertThat(r.out()).contains(ok + ":1:1: warning: ").contains("[DF001]");
        assertThat(r.out()).contains(ok + ":2:23: info: add --no-install-recommends").contains("[DF400]");
    }

    @Test
    void exitCodesFollowTheThreshold() throws Exception {
        Path clean = write("clean/Dockerfile", CLEAN);
        Path warn = write("warn/Dockerfile", ROOT_APT);
        assertThat(CliRun.of("lint", clean.toString()).exitCode()).isZero();
        assertThat(CliRun.of("lint", warn.toString()).exitCode()).isEqualTo(1);
        assertThat(CliRun.of("lint", "--failure-threshold", "error", warn.toString()).exitCode()).isZero();
        assertThat(CliRun.of("lint", "--failure-threshold", "none", warn.toString()).exitCode()).isZero();
        assertThat(CliRun.of("lint", "--ignore", "DF001", warn.toString()).exitCode()).as("info left only").isZero();
        assertThat(CliRun.of("lint", "--ignore", "DF001", "--failure-threshold", "info", warn.toString()).exitCode())
                .isEqualTo(1);
        CliRun badThreshold = CliRun.of("lint", "--failure-threshold", "fatal", warn.toString());
        assertThat(badThreshold.exitCode()).isEqualTo(2);
        assertThat(badThreshold.err().strip()).contains("unknown severity 'fatal'").doesNotContain("\n");
        CliRun badRule = CliRun.of("lint", "--ignore", "DF998", warn.toString());
        assertThat(badRule.exitCode()).isEqualTo(2);
        assertThat(badRule.err().strip()).isEqualTo("dockfit lint: --ignore: unknown rule 'DF998'");
        assertThat(CliRun.of("lint", "--format", "yaml", warn.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("lint").exitCode()).isEqualTo(2);
    }

    @Test
    void configurationNextToTheDockerfileAppliesToItOnly() throws Exception {
        write("repo/.git/HEAD", "");
        Path quiet = write("repo/quiet/Dockerfile", ROOT_APT);
        write("repo/quiet/.dockfit.yaml", "ignore: [DF001]\nseverity: {DF400: error}\n");
        Path loud = write("repo/loud/Dockerfile", ROOT_APT);
        CliRun r = CliRun.of("lint", "--format", "json", quiet.toString(), loud.toString());
        JsonNode findings = json(r.out()).path("findings");
        assertThat(findings).extracting(f -> f.path("file").asText() + " " + f.path("rule").asText() + " "
                + f.path("severity").asText()).containsExactly(
                quiet + " DF400 error", loud + " DF001 warning", loud + " DF400 info");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void hadolintConfigAndPragmasAreHonoured() throws Exception {
        write("h/.git/HEAD", "");
        write("h/.hadolint.yaml", "ignored: [DL3015]\n");
        Path df = write("h/Dockerfile", ROOT_APT);
        CliRun r = CliRun.of("lint", "--format", "gnu", df.toString());
        assertThat(r.out()).contains("[DF001]").doesNotContain("[DF400]");

        Path pragma = write("p/Dockerfile", """
                FROM debian:bookworm-slim
                # hadolint ignore=DL3015
                RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
                """);
        assertThat(CliRun.of("lint", "--format", "gnu", pragma.toString()).out()).doesNotContain("[DF400]");
        assertThat(CliRun.of("lint", "--format", "gnu", "--no-inline-ignores", pragma.toString()).out())
                .contains("[DF400]");
    }

    @Test
    void configErrorsAreOneLineWithExitTwo() throws Exception {
        Path cfg = write("cfg/.dockfit.yaml", "ignore: [DF001]\nfailure_threshold: error\n");
        Path df = write("cfg/Dockerfile", CLEAN);
        CliRun r = CliRun.of("lint", df.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("dockfit lint: " + cfg.toAbsolutePath() + ":2: unknown key 'failure_threshold'")
                .doesNotContain("\n");
        CliRun missing = CliRun.of("lint", "--config", tmp.resolve("missing.yaml").toString(), df.toString());
        assertThat(missing.exitCode()).isEqualTo(3);
    }

    @Test
    void explicitConfigAndEnable() throws Exception {
        Path cfg = write("conf.yaml", "failure-threshold: info\n");
        Path df = write("x/Dockerfile", ROOT_APT);
        CliRun r = CliRun.of("lint", "--config", cfg.toString(), "--ignore", "DF001", "--format", "gnu", df.toString());
        assertThat(r.exitCode()).as("info reaches the file's threshold").isEqualTo(1);
        assertThat(r.out().lines()).hasSize(1);
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        Path df = write("j/Dockerfile", ROOT_APT);
        JsonNode root = json(CliRun.of("lint", "--format", "json", df.toString()).out());
        JsonNode apt = root.path("findings").get(1);
        assertThat(apt.path("file").asText()).isEqualTo(df.toString());
        assertThat(apt.path("line").asInt()).isEqualTo(2);
        assertThat(apt.path("column").asInt()).isEqualTo(23);
        assertThat(apt.path("endLine").asInt()).isEqualTo(2);
        assertThat(apt.path("endColumn").asInt()).isEqualTo(30); // exclusive: "apt-get" is 7 characters
        assertThat(apt.path("rule").asText()).isEqualTo("DF400");
        assertThat(apt.path("severity").asText()).isEqualTo("info");
        assertThat(apt.path("practice").asText()).isEqualTo("image-size");
        assertThat(apt.path("message").asText()).contains("--no-install-recommends");
        assertThat(apt.path("fixable").isBoolean()).isTrue();
        assertThat(root.path("summary").path("warning").asInt()).isEqualTo(1);
        assertThat(root.path("summary").path("info").asInt()).isEqualTo(1);
        assertThat(root.path("summary").path("findings").asInt()).isEqualTo(2);
    }

    @Test
    void ttyShowsACodeFrameWithCaretsUnderTheWordAndASummary() throws Exception {
        Path df = write("t/Dockerfile", ROOT_APT);
        CliRun r = CliRun.of("lint", df.toString());
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(df.toString());
        int at = lines.indexOf("    2 | RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*");
        assertThat(at).isPositive();
        assertThat(lines.get(at + 1)).isEqualTo("      | " + " ".repeat(22) + "^^^^^^^");
        assertThat(r.out()).doesNotContain("\u001b[");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("2 findings (0 errors, 1 warning, 1 info, 0 style) in 1 of 1 file");
        assertThat(CliRun.of("lint", write("c/Dockerfile", CLEAN).toString()).out().strip()).isEqualTo("no findings in 1 file");
    }

    @Test
    void xmlFormatsAreWellFormedAndCarryEveryFinding() throws Exception {
        Path df = write("x/Dockerfile", ROOT_APT.replace("curl", "curl'&\"<x>"));
        Path clean = write("y/Dockerfile", CLEAN);
        String checkstyle = CliRun.of("lint", "--format", "checkstyle", df.toString(), clean.toString()).out();
        var doc = XmlAssert.parse(checkstyle);
        assertThat(doc.getElementsByTagName("file").getLength()).isEqualTo(2);
        int findings = json(CliRun.of("lint", "--format", "json", df.toString(), clean.toString()).out())
                .path("findings").size();
        assertThat(findings).isGreaterThanOrEqualTo(2);
        assertThat(doc.getElementsByTagName("error").getLength()).isEqualTo(findings);
        org.w3c.dom.Element error = null;
        for (int k = 0; k < findings; k++) {
            var e = (org.w3c.dom.Element) doc.getElementsByTagName("error").item(k);
            if (e.getAttribute("source").equals("dockfit.DF400")) error = e;
        }
        assertThat(error).isNotNull();
        assertThat(error.getAttribute("line")).isEqualTo("2");
        assertThat(error.getAttribute("column")).isEqualTo("23");
        assertThat(error.getAttribute("severity")).isEqualTo("info");

        String junit = CliRun.of("lint", "--format", "junit", df.toString(), clean.toString()).out();
        var j = XmlAssert.parse(junit);
        assertThat(j.getDocumentElement().getAttribute("tests")).isEqualTo(String.valueOf(findings + 1));
        assertThat(j.getDocumentElement().getAttribute("failures")).isEqualTo(String.valueOf(findings));
        assertThat(j.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("type").getNodeValue())
                .isEqualTo("warning");
    }

    @Test
    void gitlabFingerprintsSurviveLinesMovingAndDifferBetweenFindings() throws Exception {
        Path df = write("g/Dockerfile", ROOT_APT);
        JsonNode before = json(CliRun.of("lint", "--format", "gitlab", df.toString()).out());
        assertThat(before).hasSize(2);
        JsonNode apt = before.get(1);
        assertThat(apt.path("check_name").asText()).isEqualTo("DF400");
        assertThat(apt.path("severity").asText()).isEqualTo("minor");
        assertThat(before.get(0).path("severity").asText()).isEqualTo("major");
        assertThat(apt.path("location").path("path").asText()).isEqualTo(df.toString());
        assertThat(apt.path("location").path("lines").path("begin").asInt()).isEqualTo(2);
        assertThat(apt.path("description").asText()).contains("--no-install-recommends");
        assertThat(apt.path("fingerprint").asText()).hasSize(64).isNotEqualTo(before.get(0).path("fingerprint").asText());
        Files.writeString(df, "# a comment moves everything down\n" + ROOT_APT);
        JsonNode after = json(CliRun.of("lint", "--format", "gitlab", df.toString()).out());
        assertThat(after.get(1).path("location").path("lines").path("begin").asInt()).isEqualTo(3);
        assertThat(after.get(1).path("fingerprint").asText()).isEqualTo(apt.path("fingerprint").asText());
    }

    @Test
    void standardInputAndOutputFile() throws Exception {
        Path out = tmp.resolve("report.json");
        InputStream old = System.in;
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code;
        synchronized (System.class) {
            try {
                System.setIn(new ByteArrayInputStream(ROOT_APT.getBytes(StandardCharsets.UTF_8)));
                code = Main.execute(new PrintWriter(o), new PrintWriter(e), "lint", "-f", "json", "-o", out.toString(), "-");
            } finally {
                System.setIn(old);
            }
        }
        assertThat(code).as(e.toString()).isEqualTo(1);
        assertThat(o.toString()).isEmpty();
        JsonNode root = json(Files.readString(out));
        assertThat(root.path("findings").get(0).path("file").asText()).isEqualTo("-");
        CliRun unwritable = CliRun.of("lint", "-o", tmp.resolve("no/such/dir/r.txt").toString(),
                write("w/Dockerfile", CLEAN).toString());
        assertThat(unwritable.exitCode()).isEqualTo(3);
    }
}
