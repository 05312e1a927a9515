package dev.dockfit.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockfit.image.TestImage.Compression;
import dev.dockfit.image.analysis.AnalysisOptions;
import dev.dockfit.image.analysis.ImageAnalyzer;
import dev.dockfit.image.analysis.ImageReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile layers end in a one-line error or a correct result, and nothing is written outside the temp dir. */
class HostileInputsTest {
    @TempDir
    Path dir;

    private ImageReport analyze(Path layout) {
        try (Image image = ImageSource.open(layout.toString(), ImageSource.Options.defaults())) {
            return ImageAnalyzer.analyze(image, AnalysisOptions.defaults());
        }
    }

    private static void assertOneLine(Throwable t) {
        assertThat(t.getMessage()).doesNotContain("\n").isNotBlank();
    }

    @Test
    void parentTraversalIsRefused() throws Exception {
        Path layout = new TestImage().layer(new TestLayer().file("../../etc/evil", "x"), Compression.GZIP, "ADD evil")
                .writeLayout(dir.resolve("img"));
        assertThatThrownBy(() -> analyze(layout)).isInstanceOf(ImageException.class)
                .hasMessageContaining("'../../etc/evil' climbs out of the image root").satisfies(HostileInputsTest::assertOneLine);
        assertThat(Files.exists(dir.resolve("etc"))).isFalse();
    }

    @Test
    void absolutePathsAreReadInsideTheImage() throws Exception {
        Path layout = new TestImage().layer(new TestLayer().file("/etc/passwd", "root:x:0:0::/:/bin/sh\n")
                .file("./a/./b/../c", "c"), Compression.NONE, "ADD x").writeLayout(dir.resolve("img"));
        ImageReport r = analyze(layout);
        assertThat(r.filesystem().readText("/etc/passwd")).hasValueSatisfying(s -> assertThat(s).startsWith("root"));
        assertThat(r.filesystem().get("/a/c")).isPresent();
    }

    @Test
    void symlinkLoopsAndDanglingHardLinksGiveAResult() throws Exception {
        Path layout = new TestImage().layer(new TestLayer()
                .symlink("loop/a", "b").symlink("loop/b", "a").symlink("self", "self/x")
                .symlink("etc", "etc/../etc").hardlink("hard", "missing/target")
                .symlink("escape", "../../../../host/etc/shadow"), Compression.GZIP, "ADD links")
                .writeLayout(dir.resolve("img"));
        ImageReport r = analyze(layout);
        assertThat(r.filesystem().resolve("/loop/a")).isEmpty();
        assertThat(r.filesystem().resolve("/self/x/y")).isEmpty();
        assertThat(r.filesystem().resolve("/etc/passwd")).isEmpty();
        assertThat(r.filesystem().resolve("/hard")).isEmpty();
        assertThat(r.filesystem().resolve("/escape")).isEmpty();
        assertThat(r.filesystem().get("/hard")).isPresent();
        assertThat(r.user().isRoot()).isTrue();
    }

    @Test
    void truncatedGzipIsAnError() throws Exception {
        byte[] noise = new byte[100000];
        new java.util.Random(3).nextBytes(noise);
        Path layout = new TestImage().layer(new TestLayer().file("f", noise, 0644, 0, 0), Compression.GZIP, "ADD f")
                .writeLayout(dir.resolve("img"));
        Path blob = largestBlob(layout);
        byte[] data = Files.readAllBytes(blob);
        Files.write(blob, Arrays.copyOf(data, data.length / 2));
        assertThatThrownBy(() -> analyze(layout)).isInstanceOf(ImageException.class)
                .hasMessageContaining("truncated").hasMessageContaining(blob.getFileName().toString())
                .satisfies(HostileInputsTest::assertOneLine);
    }

    @Test
    void blobDigestMismatchNamesTheBlob() throws Exception {
        Path layout = new TestImage().layer(new TestLayer().file("f", "hello"), Compression.NONE, "ADD f")
                .writeLayout(dir.resolve("img"));
        Path blob = largestBlob(layout);
        byte[] data = Files.readAllBytes(blob);
        data[600] ^= 1; // inside the content of "f"
        Files.write(blob, data);
        assertThatThrownBy(() -> analyze(layout)).isInstanceOf(ImageException.class)
                .hasMessageContaining("digest mismatch").hasMessageContaining(blob.getFileName().toString())
                .satisfies(HostileInputsTest::assertOneLine);
    }

    @Test
    void diffIdMismatchIsAnError() throws Exception {
        Path layout = new TestImage().layer(new TestLayer().file("f", "hello"), Compression.GZIP, "ADD f")
                .wrongDiffId(0).writeLayout(dir.resolve("img"));
        assertThatThrownBy(() -> analyze(layout)).isInstanceOf(ImageException.class)
                .hasMessageContaining("diffID").hasMessageContaining("digest mismatch");
    }

    @Test
    void diffIdMismatchOfAnUncompressedLayerIsAnError() throws Exception {
        // One hash serves both checks when the blob is the tar stream itself: the diffID must still be checked.
        TestImage image = new TestImage().layer(new TestLayer().file("f", "hello"), Compression.NONE, "ADD f").wrongDiffId(0);
        Path layout = image.writeLayout(dir.resolve("img"));
        assertThatThrownBy(() -> analyze(layout)).isInstanceOf(ImageException.class)
                .hasMessageContaining("diffID").hasMessageContaining("digest mismatch");
        Path legacy = image.writeLegacyDockerArchive(dir.resolve("legacy.tar"));
        assertThatThrownBy(() -> analyze(legacy)).isInstanceOf(ImageException.class)
                .hasMessageContaining("diffID").hasMessageContaining("digest mismatch");
    }

    @Test
    void headerClaimingOneTerabyteEndsInATruncationError() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry e = new TarArchiveEntry("huge");
            e.setSize(1L << 40);
            tar.putArchiveEntry(e);
            tar.write(new byte[4096]);
            // stop here: the archive ends long before the claimed size
            tar.flush();
        } catch (IOException expected) {
            // closing an incomplete entry complains; the bytes written so far are what we want
        }
        Path layout = layoutWithRawLayer(bytes.toByteArray());
        assertThatThrownBy(() -> analyze(layout)).isInstanceOf(ImageException.class)
                .hasMessageContaining("truncated").satisfies(HostileInputsTest::assertOneLine);
    }

    @Test
    void twoHundredThousandTinyFiles() throws Exception {
        TestLayer layer = new TestLayer();
        for (int i = 0; i < 200_000; i++) layer.file("d" + (i % 100) + "/f" + i, new byte[] {(byte) i}, 0644, 0, 0);
        // Uncompressed: the point is the entry count, and gzip-writing 200 MB in the test would dominate its time.
        Path layout = new TestImage().layer(layer, Compression.NONE, "ADD many").writeLayout(dir.resolve("img"));
        ImageReport r = analyze(layout);
        assertThat(r.layers().get(0).entries()).isEqualTo(200_000);
        assertThat(r.finalFileBytes()).isEqualTo(200_000);
        assertThat(r.reclaimableBytes()).isZero();
    }

    private Path layoutWithRawLayer(byte[] rawTar) throws IOException {
        return new TestImage().rawLayer(rawTar, "ADD huge").writeLayout(dir.resolve("raw"));
    }

    private static Path largestBlob(Path layout) throws IOException {
        try (Stream<Path> s = Files.list(layout.resolve("blobs/sha256"))) {
            return s.max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        }
    }

}
