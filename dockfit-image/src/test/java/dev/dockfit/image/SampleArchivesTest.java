package dev.dockfit.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockfit.image.analysis.AnalysisOptions;
import dev.dockfit.image.analysis.ImageAnalyzer;
import dev.dockfit.image.analysis.ImageReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every archive shape among the shared samples opens, streams and verifies. */
class SampleArchivesTest {

    static ImageReport analyze(String sample) {
        try (Image image = ImageSource.open(SharedImages.sample(sample).toString(), ImageSource.Options.defaults())) {
            return ImageAnalyzer.analyze(image, AnalysisOptions.defaults());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wagoodman__dive/test-oci-uncompressed-image.tar", "wagoodman__dive/test-oci-gzip-image.tar",
            "wagoodman__dive/test-oci-zstd-image.tar", "wagoodman__dive/test-oci-estargz-image.tar"})
    void ociArchivesInEveryCompressionGiveTheSameFiles(String sample) {
        ImageReport r = analyze(sample);
        assertThat(r.image().format()).isEqualTo("oci-archive");
        assertThat(r.image().manifestDigest()).isNotNull();
        assertThat(r.filesystem().get("/README.md")).isPresent();
        ImageReport plain = analyze("wagoodman__dive/test-oci-uncompressed-image.tar");
        assertThat(r.finalFileBytes()).isEqualTo(plain.finalFileBytes());
        if (!sample.contains("estargz")) { // eStargz reorders the tar stream, so only its files match
            assertThat(r.layers().get(0).diffId()).isEqualTo(plain.layers().get(0).diffId());
        }
    }

    @Test
    void kanikoArchiveWithGzipLayersAndOddConfigName() {
        ImageReport r = analyze("wagoodman__dive/test-kaniko-image.tar");
        assertThat(r.image().format()).isEqualTo("docker-archive");
        assertThat(r.layers()).isNotEmpty();
        assertThat(r.layers().get(0).compressedBytes()).isLessThan(r.layers().get(0).uncompressedBytes());
    }

    @Test
    void gzipCompressedDockerSaveIsStreamed() {
        ImageReport r = analyze("aquasecurity__trivy/alpine-310.tar.gz");
        assertThat(r.filesystem().readText("/etc/os-release")).isEmpty(); // not captured by default
        assertThat(r.filesystem().readText("/etc/passwd").orElseThrow()).startsWith("root:x:0:0:");
        assertThat(r.user().isRoot()).isTrue();
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo("IMG001"));
    }

    @Test
    void stereoscopeOciLayout() {
        ImageReport r = analyze("anchore__stereoscope/valid-oci.tar");
        assertThat(r.layers()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"goodwithtech__dockle/symbolic.tar", "goodwithtech__dockle/scratch.tar",
            "google__osv-scalibr/layerscanning/basic.tar", "google__osv-scalibr/layerscanning/symlink-cycle.tar",
            "google__osv-scalibr/layerscanning/symlink-attack.tar", "google__osv-scalibr/layerscanning/overwrite-file.tar"})
    void otherToolsSamplesOpen(String sample) {
        ImageReport r = analyze(sample);
        assertThat(r.layers()).isNotEmpty();
        assertThat(r.reclaimableBytes()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void layerTarballsAreNotImages() {
        assertThatThrownBy(() -> analyze("wagoodman__dive/test-gzip-image.tar"))
                .isInstanceOf(ImageException.class).hasMessageContaining("not an image archive");
    }
}
