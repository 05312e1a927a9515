package dev.dockfit.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.image.TestImage.Compression;
import dev.dockfit.image.analysis.AnalysisOptions;
import dev.dockfit.image.analysis.ImageAnalyzer;
import dev.dockfit.image.analysis.ImageReport;
import dev.dockfit.image.fs.CaptureRule;
import dev.dockfit.image.fs.ContentVisitor;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hooks later analyses use: captured small files and streamed content, both from the one pass. */
class WalkHooksTest {

    @Test
    void capturedFilesAreReadFromTheMergedViewAndVisitorsSeeEveryLayer(@TempDir Path dir) throws Exception {
        Path layout = new TestImage()
                .layer(new TestLayer().file("etc/os-release", "ID=debian\n").file("app/package.json", "{\"v\":1}")
                        .file("app/lib.jar", new byte[70000], 0644, 0, 0), Compression.GZIP, "ADD base")
                .layer(new TestLayer().file("app/package.json", "{\"v\":2}").symlink("etc/release", "os-release"),
                        Compression.GZIP, "COPY app")
                .writeLayout(dir.resolve("img"));
        Map<String, Long> visited = new ConcurrentHashMap<>();
        ContentVisitor jars = new ContentVisitor() {
            @Override
            public boolean wants(String path, long size, int mode) {
                return path.endsWith(".jar");
            }

            @Override
            public void visit(int layer, String path, long size, int mode, InputStream content) throws java.io.IOException {
                visited.put(layer + ":" + path, (long) content.readNBytes(10).length); // reads a little only
            }
        };
        Map<String, String> manifests = new ConcurrentHashMap<>();
        ContentVisitor json = new ContentVisitor() { // also wanted by the built-in secret scanner: both get it
            @Override
            public boolean wants(String path, long size, int mode) {
                return path.endsWith("package.json");
            }

            @Override
            public void visit(int layer, String path, long size, int mode, InputStream content) throws java.io.IOException {
                manifests.put(layer + ":" + path, new String(content.readAllBytes()));
            }
        };
        AnalysisOptions options = new AnalysisOptions(
                List.of(CaptureRule.exact(1024, "/etc/os-release"), CaptureRule.regex(1024, ".*/package\\.json")),
                List.of(jars, json), null, null, 2, null);
        ImageReport r;
        try (Image image = ImageSource.open(layout.toString(), ImageSource.Options.defaults())) {
            r = ImageAnalyzer.analyze(image, options);
        }
        assertThat(r.filesystem().readText("/etc/release")).contains("ID=debian\n");
        assertThat(r.filesystem().readText("/app/package.json")).contains("{\"v\":2}");
        assertThat(r.layerFiles().get(0).entries()).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("/app/package.json");
            assertThat(new String(e.content())).isEqualTo("{\"v\":1}");
        });
        assertThat(visited).containsExactly(Map.entry("0:/app/lib.jar", 10L));
        assertThat(manifests).containsOnly(Map.entry("0:/app/package.json", "{\"v\":1}"),
                Map.entry("1:/app/package.json", "{\"v\":2}"));
        // The jar's fingerprint covers all its bytes although the visitor read only ten.
        ImageReport plain = ImageShapesTest.analyze(layout.toString());
        assertThat(r.filesystem().get("/app/lib.jar").orElseThrow().entry().contentHash())
                .isEqualTo(plain.filesystem().get("/app/lib.jar").orElseThrow().entry().contentHash());
    }
}
