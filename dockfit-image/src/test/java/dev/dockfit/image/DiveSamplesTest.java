package dev.dockfit.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dockfit.image.analysis.AnalysisOptions;
import dev.dockfit.image.analysis.DiveCi;
import dev.dockfit.image.analysis.ImageAnalyzer;
import dev.dockfit.image.analysis.ImageReport;
import org.junit.jupiter.api.Test;

/** dive's own sample image and the figures dive's snapshots expect for it. */
class DiveSamplesTest {

    private static ImageReport analyze(String sample, AnalysisOptions options) {
        try (Image image = ImageSource.open(SharedImages.sample(sample).toString(), ImageSource.Options.defaults())) {
            return ImageAnalyzer.analyze(image, options);
        }
    }

    @Test
    void reproducesDivesFiguresForItsTestImage() {
        ImageReport r = analyze("wagoodman__dive/test-docker-image.tar", AnalysisOptions.defaults());
        assertThat(r.layers()).hasSize(14);
        // dive's export snapshot: efficiencyScore 0.9844212134184309, inefficientBytes 32025; load snapshot 48.35 %.
        assertThat(r.dive().efficiency()).isCloseTo(0.9844212134184309, within(1e-15));
        assertThat(r.dive().wastedBytes()).isEqualTo(32025);
        assertThat(r.dive().userWastedPercent() * 100).isCloseTo(48.35, within(0.005));
        assertThat(r.image().format()).isEqualTo("docker-archive");
    }

    @Test
    void ourWasteCountsOnlyBytesNoLongerVisible() {
        ImageReport r = analyze("wagoodman__dive/test-docker-image.tar", AnalysisOptions.defaults());
        assertThat(r.reclaimableBytes()).isEqualTo(r.totalFileBytes() - r.finalFileBytes());
        // /root/example was deleted: its copies are waste; the chmod layer rewrote somefile1 with the same bytes.
        assertThat(r.wastedFiles()).extracting(ImageReport.WastedFile::path)
                .contains("/root/example/somefile1.txt", "/root/example/somefile2.txt");
        assertThat(r.metadataRewrites()).isNotEmpty();
        assertThat(r.metadataRewrites()).anySatisfy(m -> assertThat(m.createdBy()).contains("chmod"));
    }

    @Test
    void diveCiRulesFromTheSampleConfig() throws Exception {
        DiveCi ci = DiveCi.read(SharedImages.sample("wagoodman__dive/expected/.data_.dive-ci"));
        assertThat(ci.lowestEfficiency()).isEqualTo(0.95);
        assertThat(ci.highestWastedBytes()).isEqualTo(20_000_000L);
        assertThat(ci.highestUserWastedPercent()).isEqualTo(0.5);
        ImageReport r = analyze("wagoodman__dive/test-docker-image.tar",
                new AnalysisOptions(java.util.List.of(), java.util.List.of(), null, ci, 2, null));
        assertThat(r.diveCi()).extracting(DiveCi.Result::status)
                .containsOnly(DiveCi.Status.PASS);
    }
}
