package dev.dockfit.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.cli.Invocation;
import dev.dockfit.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lint server's warm-up corpus: complete in the jar, parseable, and as varied as real Dockerfiles. */
class WarmUpCorpusTest {
    @TempDir
    Path tmp;

    @Test
    void theIndexNamesEveryDockerfileOfTheCorpusDirectory() throws IOException {
        Path root = Path.of(System.getProperty("dockfit.root", ".."));
        Path dir = root.resolve("dockfit-cli/src/main/resources/dev/dockfit/cli/server/warm-up");
        List<String> present;
        try (Stream<Path> files = Files.list(dir)) {
            present = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".Dockerfile")).sorted().toList();
        }
        assertThat(WarmUpCorpus.names()).as("warm-up/files.txt").containsExactlyInAnyOrderElementsOf(present);
        assertThat(present).hasSizeBetween(15, 40);
    }

    @Test
    void everyFileIsWrittenAsShippedAndLintsWithoutAParseError() throws IOException {
        List<String> written = WarmUpCorpus.write(tmp);
        assertThat(written).hasSize(WarmUpCorpus.names().size());
        for (String name : WarmUpCorpus.names()) {
            try (InputStream in = WarmUpCorpus.class.getResourceAsStream("warm-up/" + name)) {
                assertThat(Files.readAllBytes(tmp.resolve(name))).as(name).isEqualTo(in.readAllBytes());
            }
        }
        List<String> args = new ArrayList<>(List.of("lint", "--format", "gnu"));
        args.addAll(written);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new Invocation(tmp, Map.of(), false, InputStream.nullInputStream()),
                new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        // a file that does not parse would warm up the parser's error path instead of the rules
        assertThat(out.toString()).doesNotContain("[DF000]");
        assertThat(err.toString()).isEmpty();
        assertThat(code).as("findings, as real Dockerfiles have").isEqualTo(1);
        Map<String, Long> rulesHit = out.toString().lines().map(l -> l.replaceAll(".*\\[(DF\\d+)\\]$", "$1"))
                .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        assertThat(rulesHit.size()).as("distinct rules that fire").isGreaterThanOrEqualTo(30);
    }

    @Test
    void itHoldsWhatRealDockerfilesHold() throws IOException {
        StringBuilder all = new StringBuilder();
        List<Long> lines = new ArrayList<>();
        for (String name : WarmUpCorpus.names()) {
            try (InputStream in = WarmUpCorpus.class.getResourceAsStream("warm-up/" + name)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                all.append(text).append('\n');
                lines.add(text.lines().count());
            }
        }
        assertThat(lines).as("short files and long ones").anyMatch(n -> n < 15).anyMatch(n -> n >= 150);
        assertThat(all.toString()).contains(
                "# syntax=", "# escape=`", "${NODE_VERSION}", ":-", "COPY --from=", "FROM scratch", "distroless",
                "set -eux", "if [", "elif", "for ", "case ", "esac", "while read", ">/dev/null 2>&1", "2>&1 |",
                "| sh", "wget -O- ", "$(", "`", "RUN <<EOF", "COPY <<EOF", "<<-", "--mount=type=cache",
                "--mount=type=secret", "apt-get install", "apk add", "yum install", "dnf -y install", "microdnf",
                "zypper", "pip install", "npm ci", "yarn install", "pnpm install", "gem install", "go build",
                "mvnw", "gradle", "cargo build", "composer install", "useradd", "adduser", "groupadd", "chown -R",
                "chmod", "USER ", "WORKDIR ", "/udp", "4190-4199", "HEALTHCHECK --", "HEALTHCHECK NONE",
                "org.opencontainers.image.", "ONBUILD ", "SHELL [", "STOPSIGNAL", "VOLUME", "ENTRYPOINT [",
                "CMD [", "CMD apachectl", "# dockfit ignore=", "# hadolint ignore=", "ü", "プ");
    }
}
