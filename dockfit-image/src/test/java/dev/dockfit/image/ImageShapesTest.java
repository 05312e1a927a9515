package dev.dockfit.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.image.TestImage.Compression;
import dev.dockfit.image.analysis.AnalysisOptions;
import dev.dockfit.image.analysis.ImageAnalyzer;
import dev.dockfit.image.analysis.ImageReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One image with known waste, written in every input shape, gives the same figures every way it is read. */
class ImageShapesTest {
    static final int BIG = 10 * 1024 * 1024;

    /** base: passwd + app files; then a 10 MB file; its deletion; a chown rewrite; an opaque /data; a cache. */
    static TestImage knownWaste() {
        byte[] big = new byte[BIG];
        new Random(1).nextBytes(big);
        byte[] app = "console.log('hi')\n".repeat(1000).getBytes();
        return new TestImage()
                .layer(new TestLayer().dir("etc", 0755)
                        .file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n")
                        .file("etc/group", "root:x:0:\napp:x:1000:\n")
                        .dir("tmp", 01777).dir("data", 0755).file("data/old.bin", new byte[5000], 0644, 0, 0)
                        .file("usr/bin/passwd", new byte[100], 04755, 0, 0), Compression.GZIP, "/bin/sh -c #(nop) ADD file:abc in / ")
                .emptyStep("/bin/sh -c #(nop)  CMD [\"sh\"]")
                .layer(new TestLayer().dir("app", 0755).file("app/server.js", app, 0644, 0, 0)
                        .file("app/big.bin", big, 0644, 0, 0), Compression.ZSTD, "COPY . /app # buildkit")
                .layer(new TestLayer().whiteout("app", "big.bin"), Compression.NONE, "RUN /bin/sh -c rm /app/big.bin # buildkit")
                .layer(new TestLayer().dir("app", 0755).file("app/server.js", app, 0644, 1000, 1000),
                        Compression.GZIP, "RUN /bin/sh -c chown -R app /app # buildkit")
                .layer(new TestLayer().dir("data", 0755).opaque("data").file("data/new.txt", "n"), Compression.GZIP,
                        "RUN /bin/sh -c rm -rf /data/* && echo n > /data/new.txt # buildkit")
                .layer(new TestLayer().dir("var/lib/apt/lists", 0755).file("var/lib/apt/lists/deb_Packages", new byte[3000], 0644, 0, 0),
                        Compression.GZIP, "RUN /bin/sh -c apt-get update # buildkit")
                .emptyStep("USER app")
                .user("app");
    }

    static ImageReport analyze(String spec) {
        try (Image image = ImageSource.open(spec, ImageSource.Options.defaults())) {
            return ImageAnalyzer.analyze(image, AnalysisOptions.defaults());
        }
    }

    @Test
    void everyShapeGivesTheSameFigures(@TempDir Path dir) throws Exception {
        TestImage image = knownWaste();
        List<String> specs = List.of(
                image.writeLayout(dir.resolve("layout")).toString(),
                "oci-archive:" + image.writeOciArchive(dir.resolve("oci.tar"), false, false),
                image.writeOciArchive(dir.resolve("docker25.tar"), true, false).toString(),
                image.writeOciArchive(dir.resolve("containerd.tar"), false, true).toString(),
                "docker-archive:" + image.writeLegacyDockerArchive(dir.resolve("legacy.tar")));
        ImageReport first = null;
        for (String spec : specs) {
            ImageReport r = analyze(spec);
            assertThat(r.layers()).hasSize(6);
            assertThat(r.reclaimableBytes()).as(spec).isEqualTo(BIG + 18000 + 5000);
            assertThat(r.filesystem().get("/app/big.bin")).isEmpty();
            assertThat(r.filesystem().get("/data/old.bin")).as("opaque whiteout hides lower /data").isEmpty();
            assertThat(r.filesystem().get("/data/new.txt")).as("opaque keeps its own layer's entries").isPresent();
            assertThat(r.metadataRewrites()).singleElement().satisfies(m -> {
                assertThat(m.layer()).isEqualTo(3);
                assertThat(m.bytes()).isEqualTo(18000);
                assertThat(m.createdBy()).contains("chown -R app /app");
            });
            assertThat(r.user().name()).isEqualTo("app");
            assertThat(r.user().uid()).isEqualTo(1000);
            assertThat(r.user().isRoot()).isFalse();
            assertThat(r.baseImage().method()).isEqualTo("history");
            assertThat(r.baseImage().layerCount()).isEqualTo(1);
            assertThat(r.leftovers()).anySatisfy(l -> {
                assertThat(l.path()).isEqualTo("/var/lib/apt/lists");
                assertThat(l.bytes()).isEqualTo(3000);
                assertThat(l.layer()).isEqualTo(5);
            });
            assertThat(r.findings()).extracting(f -> f.rule()).contains("IMG010", "IMG011", "IMG020", "IMG032")
                    .doesNotContain("IMG001", "IMG021");
            if (first == null) {
                first = r;
            } else {
                assertThat(r.dive()).isEqualTo(first.dive());
                assertThat(r.totalFileBytes()).isEqualTo(first.totalFileBytes());
                assertThat(r.layers()).extracting(ImageReport.LayerReport::diffId)
                        .isEqualTo(first.layers().stream().map(ImageReport.LayerReport::diffId).toList());
            }
        }
        assertThat(Files.list(dir).count()).isEqualTo(5); // nothing extracted next to the inputs
    }

    @Test
    void ociInputsReportCompressedDigestsAndSizes(@TempDir Path dir) throws Exception {
        ImageReport r = analyze(knownWaste().writeLayout(dir.resolve("layout")).toString());
        ImageReport.LayerReport big = r.layers().get(1);
        assertThat(big.mediaType()).endsWith("+zstd");
        assertThat(big.uncompressedBytes()).isGreaterThan(BIG);
        assertThat(big.compressedBytes()).isGreaterThan(BIG); // random bytes do not compress
        assertThat(big.digest()).isNotEqualTo(big.diffId());
        assertThat(r.history()).hasSize(8);
        assertThat(r.history().get(1).emptyLayer()).isTrue();
        assertThat(r.history().get(1).layer()).isEqualTo(-1);
        assertThat(r.history().get(2).layer()).isEqualTo(1);
    }

    @Test
    void rootUserAndMissingUser(@TempDir Path dir) throws Exception {
        ImageReport root = analyze(knownWaste().user("0:0").writeLayout(dir.resolve("a")).toString());
        assertThat(root.user().isRoot()).isTrue();
        assertThat(root.findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo("IMG001"));
        ImageReport named = analyze(knownWaste().user("root").writeLayout(dir.resolve("b")).toString());
        assertThat(named.user().isRoot()).isTrue();
        ImageReport missing = analyze(knownWaste().user("nobody").writeLayout(dir.resolve("c")).toString());
        assertThat(missing.user().known()).isFalse();
        assertThat(missing.findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo("IMG002"));
    }

    @Test
    void aReferenceChoosesTheImageInALayoutOrArchive(@TempDir Path dir) throws Exception {
        TestImage image = knownWaste();
        Path layout = image.writeLayout(dir.resolve("layout"));
        Path legacy = image.writeLegacyDockerArchive(dir.resolve("legacy.tar"));
        assertThat(analyze("oci:" + layout + ":v1").layers()).hasSize(6);
        assertThat(analyze("docker-archive:" + legacy + ":localhost/test:latest").layers()).hasSize(6);
        assertThat(analyze("docker-archive:" + legacy + ":latest").layers()).hasSize(6);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> analyze("oci:" + layout + ":v2"))
                .isInstanceOf(ImageException.class).hasMessageContaining("no image tagged 'v2' (tags: v1)");
    }
}
