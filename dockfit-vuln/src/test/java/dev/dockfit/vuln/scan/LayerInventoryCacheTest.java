package dev.dockfit.vuln.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockfit.image.Image;
import dev.dockfit.image.ImageException;
import dev.dockfit.image.Layer;
import dev.dockfit.image.TestImage;
import dev.dockfit.image.TestLayer;
import dev.dockfit.image.fs.FileEntry;
import dev.dockfit.image.hash.Digest;
import dev.dockfit.image.packages.Package;
import dev.dockfit.image.source.LocalImages;
import dev.dockfit.image.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-layer inventory cache: a warm read gives the same inventory as a cold one without reading any layer
 * blob, and damaged, foreign or half-written cache files are never trusted.
 */
class LayerInventoryCacheTest {

    @TempDir
    Path tmp;

    private static final String OS_RELEASE = "ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n";

    private static String stanza(String name, String version, String source) {
        return "Package: " + name + "\nStatus: install ok installed\nArchitecture: amd64\n"
                + (source == null ? "" : "Source: " + source + "\n") + "Version: " + version + "\n\n";
    }

    /** Three layers: OS and dpkg status; a global npm package and an upgrade; the npm package deleted, another added. */
    private Path layout() throws IOException {
        TestImage image = new TestImage()
                .layer(new TestLayer().dir("etc", 0755).file("etc/os-release", OS_RELEASE)
                        .file("var/lib/dpkg/status", stanza("libfoo", "1.0-1", null) + stanza("bar", "2.0-1", "barsrc (2.0-1)")),
                        TestImage.Compression.GZIP, "ADD rootfs.tar /")
                .layer(new TestLayer().file("usr/lib/node_modules/lodash/package.json", "{\"name\":\"lodash\",\"version\":\"4.17.20\"}")
                        .file("var/lib/dpkg/status", stanza("libfoo", "1.1-1", null) + stanza("bar", "2.0-1", "barsrc (2.0-1)")
                                + stanza("baz", "3.0", null)),
                        TestImage.Compression.NONE, "RUN apt-get install baz && npm i -g lodash")
                .layer(new TestLayer().whiteout("usr/lib/node_modules", "lodash")
                        .file("app/node_modules/left-pad/package.json", "{\"name\":\"left-pad\",\"version\":\"1.3.0\"}"),
                        TestImage.Compression.ZSTD, "COPY app /app");
        return image.writeLayout(tmp.resolve("layout"));
    }

    private static Inventory inventory(Path layout, LayerInventoryCache cache) {
        try (Image image = LocalImages.open(layout.toString(), layout, Platform.DEFAULT)) {
            return ImageInventory.of(image, 2, cache, null);
        }
    }

    private static List<String> describe(Inventory inv) {
        List<String> out = new ArrayList<>();
        out.add(inv.os().toString());
        out.add(inv.baseImage().toString());
        inv.layers().forEach(l -> out.add(l.toString()));
        inv.packages().forEach(p -> out.add(p.toString()));
        return out;
    }

    private static List<Digest> diffIds(Path layout) {
        try (Image image = LocalImages.open(layout.toString(), layout, Platform.DEFAULT)) {
            return image.layers().stream().map(Layer::diffId).toList();
        }
    }

    @Test
    void warmReadEqualsColdReadAndReadsNoLayerBlob() throws IOException {
        Path layout = layout();
        LayerInventoryCache cache = new LayerInventoryCache(tmp.resolve("layers"));
        Inventory cold = inventory(layout, cache);
        assertThat(cold.packages()).extracting(p -> p.name() + " " + p.version() + " #" + p.layerIndex())
                .containsExactly("bar 2.0-1 #0", "baz 3.0 #1", "libfoo 1.1-1 #1", "left-pad 1.3.0 #2");
        for (Digest d : diffIds(layout)) assertThat(cache.file(d)).isRegularFile();

        // Damage every layer blob: a warm read must not notice (it reads none), a read without the cache must.
        try (Stream<Path> blobs = Files.list(layout.resolve("blobs/sha256"))) {
            for (Path b : blobs.toList()) {
                if (Files.size(b) > 1000) Files.write(b, new byte[(int) Files.size(b)]);
            }
        }
        assertThat(describe(inventory(layout, cache))).isEqualTo(describe(cold));
        assertThatThrownBy(() -> inventory(layout, null)).isInstanceOf(ImageException.class);
    }

    @Test
    void coldReadWithoutCacheEqualsCachedRead() throws IOException {
        Path layout = layout();
        Inventory uncached = inventory(layout, null);
        LayerInventoryCache cache = new LayerInventoryCache(tmp.resolve("layers"));
        inventory(layout, cache);
        assertThat(describe(inventory(layout, cache))).isEqualTo(describe(uncached));
    }

    @Test
    void damagedOrForeignFilesAreMissesAndGetRewritten() throws IOException {
        Path layout = layout();
        LayerInventoryCache cache = new LayerInventoryCache(tmp.resolve("layers"));
        Inventory cold = inventory(layout, cache);
        List<Digest> ids = diffIds(layout);
        Path first = cache.file(ids.get(0));
        byte[] good = Files.readAllBytes(first);

        Files.write(first, java.util.Arrays.copyOf(good, good.length / 2));
        assertThat(cache.get(ids.get(0))).isEmpty();
        Files.write(first, "not a cache file".getBytes());
        assertThat(cache.get(ids.get(0))).isEmpty();
        // another layer's (valid) file under this layer's name
        Files.copy(cache.file(ids.get(1)), first, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(cache.get(ids.get(0))).isEmpty();

        assertThat(describe(inventory(layout, cache))).isEqualTo(describe(cold));
        assertThat(Files.readAllBytes(first)).isEqualTo(good);
    }

    @Test
    void roundTripKeepsEveryEntryAndPackage() throws IOException {
        Path layout = layout();
        LayerInventoryCache cache = new LayerInventoryCache(tmp.resolve("layers"));
        inventory(layout, cache);
        LayerInventory first = cache.get(diffIds(layout).get(0)).orElseThrow();
        FileEntry status = first.entries().stream().filter(e -> e.path().equals("/var/lib/dpkg/status")).findFirst().orElseThrow();
        assertThat(new String(status.content())).contains("Package: libfoo");
        assertThat(first.entries()).extracting(FileEntry::path).containsExactly("/etc", "/etc/os-release", "/var/lib/dpkg/status");
        LayerInventory third = cache.get(diffIds(layout).get(2)).orElseThrow();
        assertThat(third.packages()).containsOnlyKeys("/app/node_modules/left-pad/package.json");
        Package leftPad = third.packages().get("/app/node_modules/left-pad/package.json").get(0);
        assertThat(leftPad.purl()).isEqualTo("pkg:npm/left-pad@1.3.0");
        assertThat(leftPad.layerIndex()).isEqualTo(-1);
    }

    @Test
    void concurrentWritersAndReadersSeeWholeFilesOnly() throws Exception {
        Path layout = layout();
        Path dir = tmp.resolve("layers");
        inventory(layout, new LayerInventoryCache(dir));
        Digest id = diffIds(layout).get(1);
        LayerInventory expected = new LayerInventoryCache(dir).get(id).orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                boolean writer = t % 2 == 0;
                runs.add(pool.submit(() -> {
                    LayerInventoryCache cache = new LayerInventoryCache(dir);
                    int hits = 0;
                    for (int i = 0; i < 200; i++) {
                        if (writer) {
                            cache.put(expected);
                        } else {
                            LayerInventory read = cache.get(id).orElseThrow(() -> new AssertionError("a reader saw no whole file"));
                            assertThat(read.packages()).isEqualTo(expected.packages());
                            assertThat(read.entries()).hasSameSizeAs(expected.entries());
                            hits++;
                        }
                    }
                    return hits;
                }));
            }
            for (Future<Integer> f : runs) f.get();
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> left = Files.list(dir.resolve("v" + LayerInventoryCache.FORMAT))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
