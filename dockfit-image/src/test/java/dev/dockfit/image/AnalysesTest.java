package dev.dockfit.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.finding.Finding;
import dev.dockfit.image.TestImage.Compression;
import dev.dockfit.image.analysis.AnalysisOptions;
import dev.dockfit.image.analysis.ImageAnalyzer;
import dev.dockfit.image.analysis.ImageReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leftovers, secrets, file modes, base image and Dockerfile attribution on crafted images. */
class AnalysesTest {
    @TempDir
    Path dir;

    private ImageReport analyze(TestImage image, Path dockerfile) throws Exception {
        Path layout = image.writeLayout(dir.resolve("img" + System.nanoTime()));
        try (Image i = ImageSource.open(layout.toString(), ImageSource.Options.defaults())) {
            return ImageAnalyzer.analyze(i, new AnalysisOptions(List.of(), List.of(), dockerfile, null, 2, null));
        }
    }

    private static List<String> rules(ImageReport r) {
        return r.findings().stream().map(Finding::rule).toList();
    }

    @Test
    void toolchainsDevPackagesCachesAndGitAreLeftovers() throws Exception {
        ImageReport r = analyze(new TestImage()
                .layer(new TestLayer().file("usr/bin/gcc-12", new byte[900], 0755, 0, 0)
                        .file("usr/lib/jvm/java-17-openjdk-amd64/bin/javac", new byte[100], 0755, 0, 0)
                        .file("usr/lib/jvm/java-17-openjdk-amd64/lib/modules", new byte[5000], 0644, 0, 0)
                        .file("var/lib/dpkg/info/libssl-dev:amd64.list", "/usr/include/openssl\n")
                        .file("var/lib/dpkg/status", "Package: libssl-dev\nInstalled-Size: 12\n\n")
                        .dir("root/.npm", 0755).file("root/.npm/_cacache/index", new byte[700], 0644, 0, 0)
                        .dir("app/.git", 0755).file("app/.git/objects/pack/p.pack", new byte[2000], 0644, 0, 0),
                        Compression.GZIP, "RUN build"), null);
        assertThat(r.leftovers()).extracting(ImageReport.Leftover::kind, ImageReport.Leftover::path, ImageReport.Leftover::bytes)
                .contains(org.assertj.core.groups.Tuple.tuple("toolchain", "/usr/bin/gcc-12", 900L),
                        org.assertj.core.groups.Tuple.tuple("toolchain", "/usr/lib/jvm/java-17-openjdk-amd64", 5100L),
                        org.assertj.core.groups.Tuple.tuple("dev-package", "/var/lib/dpkg/info/libssl-dev:amd64.list", 12 * 1024L),
                        org.assertj.core.groups.Tuple.tuple("cache", "/root/.npm", 700L),
                        org.assertj.core.groups.Tuple.tuple("git", "/app/.git", 2000L));
        assertThat(r.leftovers()).allSatisfy(l -> assertThat(l.createdBy()).isEqualTo("RUN build"));
        assertThat(rules(r)).contains("IMG030", "IMG031", "IMG032", "IMG033");
    }

    @Test
    void secretsAndModes() throws Exception {
        ImageReport r = analyze(new TestImage()
                .layer(new TestLayer().file("root/.ssh/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n")
                        .file("app/.env", "DB_PASSWORD=hunter2\n").file("app/.env.example", "DB_PASSWORD=\n")
                        .file("app/README.md", "-----BEGIN RSA PRIVATE KEY-----") // not a candidate file name
                        .dir("srv/upload", 0777).dir("tmp", 01777)
                        .file("usr/bin/sudo", new byte[10], 04755, 0, 0)
                        .file("app/config/settings.yaml", "github: ghp_" + "b".repeat(36) + "\n")
                        .file("app/docs/aws.md.txt", "key AKIAIOSFODNN7EXAMPLE\n") // documentation placeholder
                        .file("app/node_modules/x/test/key.js", "'-----BEGIN RSA PRIVATE KEY-----'"),
                        Compression.GZIP, "ADD app")
                .layer(new TestLayer().whiteout("root/.ssh", "id_rsa"), Compression.GZIP, "RUN rm /root/.ssh/id_rsa")
                .env("PATH=/usr/bin").env("API_TOKEN=abc123").env("PASSWORD_FILE=/run/secrets/pw")
                .env("GH=ghp_" + "a".repeat(36)).user("1000"), null);
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("IMG022"))
                .extracting(f -> f.properties().get("path"))
                .containsExactlyInAnyOrder("/root/.ssh/id_rsa", "/app/.env", "/app/config/settings.yaml");
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("IMG022") && f.message().startsWith("/root/.ssh/id_rsa"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("still in layer 0"));
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("IMG023")).hasSize(2)
                .allSatisfy(f -> assertThat(f.message()).doesNotContain("abc123"));
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("IMG021"))
                .singleElement().satisfies(f -> assertThat(f.message()).startsWith("/srv/upload"));
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("IMG020")).hasSize(1);
        // uid 1000 without a passwd entry: allowed, reported as info only
        assertThat(r.user().isRoot()).isFalse();
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("IMG002"))
                .singleElement().satisfies(f -> assertThat(f.severity().id()).isEqualTo("info"));
    }

    @Test
    void baseFromAnnotationsAndLayersAttributedToDockerfileLines() throws Exception {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), String.join("\n",
                "FROM golang:1.22 AS build", "RUN go build -o /app .", "",
                "FROM debian:bookworm-slim", "# install", "RUN apt-get update && \\", "    apt-get install -y curl",
                "COPY --from=build /app /app", "USER 1000", "CMD [\"/app\"]", ""));
        ImageReport r = analyze(new TestImage()
                .layer(new TestLayer().file("etc/debian_version", "12\n"), Compression.GZIP, "/bin/sh -c #(nop) ADD file:x in / ")
                .emptyStep("/bin/sh -c #(nop)  CMD [\"bash\"]")
                .layer(new TestLayer().file("usr/bin/curl", "c"), Compression.GZIP,
                        "RUN /bin/sh -c apt-get update &&     apt-get install -y curl # buildkit")
                .layer(new TestLayer().file("app", "a"), Compression.GZIP, "COPY /app /app # buildkit")
                .emptyStep("USER 1000").emptyStep("CMD [\"/app\"]")
                .annotation("org.opencontainers.image.base.name", "docker.io/library/debian:bookworm-slim"), dockerfile);
        assertThat(r.baseImage().name()).isEqualTo("docker.io/library/debian:bookworm-slim");
        assertThat(r.baseImage().method()).isEqualTo("annotation");
        assertThat(r.baseImage().layerCount()).isEqualTo(1);
        assertThat(r.layers()).extracting(ImageReport.LayerReport::dockerfileLine).containsExactly(0, 6, 8);
        assertThat(r.history()).extracting(ImageReport.HistoryStep::dockerfileLine).containsExactly(0, 0, 6, 8, 9, 10);
        assertThat(r.layers().get(0).base()).isTrue();
        assertThat(r.layers().get(1).base()).isFalse();
    }

    @Test
    void anInvalidDockerfileIsAOneLineErrorWithItsPosition() throws Exception {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\nRUN [\"a\", 1]\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> analyze(new TestImage()
                        .layer(new TestLayer().file("a", "a"), Compression.GZIP, "ADD a"), dockerfile))
                .isInstanceOf(ImageException.class).hasMessageStartingWith(dockerfile + ":2:")
                .hasMessageNotContaining("\n");
    }
}
