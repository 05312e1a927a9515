package dev.dockfit.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.finding.Finding;
import dev.dockfit.image.analysis.AnalysisOptions;
import dev.dockfit.image.analysis.ImageAnalyzer;
import dev.dockfit.image.analysis.ImageReport;
import dev.dockfit.image.analysis.ImageReport.LayerReport;
import dev.dockfit.image.analysis.ImageReport.Leftover;
import dev.dockfit.testenv.ArchiveFormat;
import dev.dockfit.testenv.Credentials;
import dev.dockfit.testenv.DebianBase;
import dev.dockfit.testenv.ImageRecipe;
import dev.dockfit.testenv.LocalRegistry;
import dev.dockfit.testenv.Skopeo;
import dev.dockfit.testenv.TestImages;
import dev.dockfit.testenv.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images really built by buildah FROM the debootstrapped Debian base, read by dockfit as docker-archive, OCI layout,
 * OCI archive and from docker-registry with basic and with token auth: every form gives the same figures, and the
 * waste, user and leftovers the Dockerfiles put in are found where they were put.
 */
class BuiltImagesTest {
    private static final Credentials USER = new Credentials("dockfit", "not-a-secret");
    private static final long TEN_MIB = 10L << 20;

    /** Runs as root; 10 MiB added then deleted, a chown -R over unchanged files, apt lists left behind. */
    private static final String WASTE = """
            RUN dd if=/dev/urandom of=/opt/big.bin bs=1M count=10 status=none
            RUN rm /opt/big.bin
            RUN useradd --uid 1000 --create-home app && mkdir /srv/data && dd if=/dev/urandom of=/srv/data/payload.bin bs=1k count=512 status=none && echo config > /srv/data/app.conf
            RUN chown -R app:app /srv/data
            RUN apt-get update
            """;
    /** Runs as a user made with useradd; a C toolchain left in. */
    private static final String TOOLCHAIN = """
            RUN apt-get update && apt-get install -y --no-install-recommends gcc make && rm -rf /var/lib/apt/lists/*
            RUN useradd --uid 1001 --create-home app
            USER app
            WORKDIR /home/app
            """;

    private static Map<String, ImageReport> waste;
    private static Map<String, ImageReport> toolchain;

    @BeforeAll
    static void readEveryForm(@TempDir Path dir) throws IOException {
        Skopeo.assumeAvailable();
        Tools.assumeTools("docker-registry", "htpasswd");
        String base = DebianBase.minbase();
        String wasteImage = TestImages.ensureImage("dockfit-waste", ImageRecipe.of("FROM " + base + "\n" + WASTE));
        String toolchainImage = TestImages.ensureImage("dockfit-toolchain",
                ImageRecipe.of("FROM " + base + "\n" + TOOLCHAIN));
        try (LocalRegistry basic = LocalRegistry.startWithBasicAuth(USER);
             LocalRegistry token = LocalRegistry.startWithTokenAuth(USER)) {
            Path config = dir.resolve("config.json");
            String auth = Base64.getEncoder().encodeToString(USER.userColonPassword().getBytes(StandardCharsets.UTF_8));
            Files.writeString(config, "{\"auths\":{"
                    + "\"" + basic.hostAndPort() + "\":{\"auth\":\"" + auth + "\"},"
                    + "\"" + token.hostAndPort() + "\":{\"auth\":\"" + auth + "\"}}}");
            waste = readAll(wasteImage, "waste", basic, token, config);
            toolchain = readAll(toolchainImage, "toolchain", basic, token, config);
            assertThat(token.tokenServer().orElseThrow().issued())
                    .as("dockfit asked the token server for pull tokens")
                    .anySatisfy(t -> assertThat(t.subject()).isEqualTo(USER.user()))
                    .anySatisfy(t -> assertThat(t.scopes()).contains("repository:dockfit/waste:pull"));
        }
    }

    private static Map<String, ImageReport> readAll(String image, String repo, LocalRegistry basic,
                                                    LocalRegistry token, Path config) {
        Path layout = TestImages.archive(image, ArchiveFormat.OCI_LAYOUT);
        String tag = image.substring(image.lastIndexOf(':') + 1);
        Map<String, ImageReport> reports = new LinkedHashMap<>();
        reports.put("docker-archive", read("docker-archive:" + TestImages.archive(image, ArchiveFormat.DOCKER_ARCHIVE),
                config));
        reports.put("oci", read("oci:" + layout + ":" + tag, config));
        reports.put("oci-archive", read("oci-archive:" + TestImages.archive(image, ArchiveFormat.OCI_ARCHIVE), config));
        reports.put("registry basic auth", read("docker://"
                + Skopeo.copyToRegistry("oci:" + layout + ":" + tag, basic, "dockfit/" + repo + ":1"), config));
        reports.put("registry token auth", read("docker://"
                + Skopeo.copyToRegistry("oci:" + layout + ":" + tag, token, "dockfit/" + repo + ":1"), config));
        return reports;
    }

    private static ImageReport read(String spec, Path config) {
        try (Image image = ImageSource.open(spec, new ImageSource.Options(Platform.DEFAULT, Set.of(), config))) {
            return ImageAnalyzer.analyze(image, AnalysisOptions.defaults());
        }
    }

    /** What must not depend on how the image was stored or fetched. */
    private static List<Object> figures(ImageReport r) {
        return List.of(r.layers().stream().map(LayerReport::diffId).toList(),
                r.layers().stream().map(l -> l.fileBytes() + "/" + l.wastedBytes() + " " + l.createdBy()).toList(),
                r.totalFileBytes(), r.finalFileBytes(), r.reclaimableBytes(), r.user(), r.dive(), r.leftovers(),
                r.metadataRewrites(), r.findings().stream().map(f -> f.rule() + " " + f.message()).toList());
    }

    @Test
    void everyFormGivesTheSameFigures() {
        for (Map<String, ImageReport> reports : List.of(waste, toolchain)) {
            ImageReport first = reports.get("docker-archive");
            assertThat(first.layers()).hasSizeGreaterThan(1);
            reports.forEach((form, report) -> assertThat(figures(report)).as(form).isEqualTo(figures(first)));
        }
        assertThat(waste.get("registry token auth").image().format()).isEqualTo("registry");
    }

    @Test
    void tenMibAddedThenDeletedIsReclaimableAndBlamedOnTheLayerThatAddedIt() {
        ImageReport r = waste.get("oci");
        LayerReport added = layerMadeBy(r, "dd if=/dev/urandom of=/opt/big.bin");

        assertThat(r.reclaimableBytes()).isGreaterThanOrEqualTo(TEN_MIB);
        assertThat(added.wastedBytes()).isGreaterThanOrEqualTo(TEN_MIB);
        assertThat(r.history().get(added.historyIndex()).createdBy()).contains("of=/opt/big.bin");
        assertThat(r.wastedFiles()).anySatisfy(f -> {
            assertThat(f.path()).isEqualTo("/opt/big.bin");
            assertThat(f.bytes()).isEqualTo(TEN_MIB);
            assertThat(f.layers()).contains(added.index());
        });
        assertThat(r.findings()).extracting(Finding::rule).contains("IMG010");
    }

    @Test
    void chownLayerIsAMetadataOnlyRewriteWithItsHistoryLine() {
        ImageReport r = waste.get("oci-archive");
        LayerReport chown = layerMadeBy(r, "chown -R app:app /srv/data");

        assertThat(r.metadataRewrites()).singleElement().satisfies(m -> {
            assertThat(m.layer()).isEqualTo(chown.index());
            assertThat(m.createdBy()).contains("chown -R app:app /srv/data");
            assertThat(m.files()).isGreaterThanOrEqualTo(2);
            assertThat(m.bytes()).isGreaterThanOrEqualTo(512 * 1024L);
        });
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo("IMG011"));
    }

    @Test
    void aptListsLeftBehindAreACacheLeftoverOfTheAptGetUpdateLayer() {
        ImageReport r = waste.get("registry basic auth");
        LayerReport update = layerMadeBy(r, "apt-get update");

        assertThat(r.leftovers()).filteredOn(l -> l.path().equals("/var/lib/apt/lists")).singleElement()
                .satisfies(l -> {
                    assertThat(l.kind()).isEqualTo("cache");
                    assertThat(l.bytes()).isGreaterThan(1L << 20);
                    assertThat(l.layer()).isEqualTo(update.index());
                    assertThat(l.createdBy()).contains("apt-get update");
                });
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo("IMG032"));
    }

    @Test
    void rootImageIsALeastPrivilegeFindingAndTheUserImageIsNot() {
        ImageReport root = waste.get("docker-archive");
        assertThat(root.user().isRoot()).isTrue();
        assertThat(root.user().uid()).isZero();
        assertThat(root.findings()).extracting(Finding::rule).contains("IMG001");

        ImageReport user = toolchain.get("registry token auth");
        assertThat(user.user().raw()).isEqualTo("app");
        assertThat(user.user().uid()).as("resolved from the image's /etc/passwd").isEqualTo(1001);
        assertThat(user.user().name()).isEqualTo("app");
        assertThat(user.user().isRoot()).isFalse();
        assertThat(user.user().known()).isTrue();
        assertThat(user.findings()).extracting(Finding::rule).doesNotContain("IMG001", "IMG002");
    }

    @Test
    void toolchainLeftInIsReportedWithSizeLayerAndHistoryLine() {
        ImageReport r = toolchain.get("oci");
        LayerReport install = layerMadeBy(r, "apt-get install -y --no-install-recommends gcc make");
        List<Leftover> tools = r.leftovers().stream().filter(l -> l.kind().equals("toolchain")).toList();

        assertThat(tools).extracting(Leftover::what).contains("gcc", "make", "gcc backend (cc1)");
        assertThat(tools).allSatisfy(l -> {
            assertThat(l.layer()).isEqualTo(install.index());
            assertThat(l.createdBy()).contains("gcc make");
            assertThat(l.bytes()).isPositive();
        });
        assertThat(tools).filteredOn(l -> l.what().equals("gcc backend (cc1)")).singleElement()
                .satisfies(l -> assertThat(l.bytes()).isGreaterThan(10L << 20));
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("IMG030")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(r.leftovers()).noneMatch(l -> l.path().equals("/var/lib/apt/lists"));
    }

    private static LayerReport layerMadeBy(ImageReport r, String command) {
        List<LayerReport> layers = r.layers().stream()
                .filter(l -> l.createdBy() != null && l.createdBy().contains(command)).toList();
        assertThat(layers).as("the layer made by %s", command).hasSize(1);
        return layers.get(0);
    }
}
