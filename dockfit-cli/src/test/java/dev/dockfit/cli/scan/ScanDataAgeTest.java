package dev.dockfit.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.dockfit.cli.CliRun;
import dev.dockfit.cli.Main;
import dev.dockfit.image.TestImage;
import dev.dockfit.image.TestLayer;
import dev.dockfit.vuln.store.VulnStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A scan warns when the data is older than 7 days, and never downloads when --offline is given": databases whose
 * import time is set back through the store's clock, and a scan run as its own process with the OSV mirror and
 * the HTTP(S) proxies pointing at a local server that records every request.
 */
class ScanDataAgeTest {

    @TempDir
    static Path tmp;

    static Path osv;
    static String image;

    @BeforeAll
    static void imageAndRecords() throws IOException {
        Path data = ScanFixtures.shared("vulndata/debian12-derived");
        osv = data.resolve("osv");
        image = new TestImage()
                .layer(new TestLayer().file("etc/os-release", ScanFixtures.read(data.resolve("os-release-minbase")))
                        .file("var/lib/dpkg/status", ScanFixtures.read(data.resolve("status-minbase"))),
                        TestImage.Compression.GZIP, "ADD rootfs.tar /")
                .writeLayout(tmp.resolve("image")).toString();
    }

    /** A database whose records were imported {@code age} ago, by the store's clock. */
    static Path importedAgo(String name, Duration age) throws Exception {
        Path dir = tmp.resolve(name);
        Clock then = Clock.fixed(Instant.now().minus(age), ZoneOffset.UTC);
        List<VulnStore.Document> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(osv)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                docs.add(new VulnStore.Document(f.toString(), Files.readAllBytes(f)));
            }
        }
        try (VulnStore store = VulnStore.open(dir, then)) {
            store.importDocuments("import:" + osv, docs, false);
        }
        return dir;
    }

    @Test
    void warnsWhenTheDataIsOlderThanSevenDays() throws Exception {
        Path stale = importedAgo("stale", Duration.ofDays(8));
        CliRun run = CliRun.of("scan", "--db-dir=" + stale, "--offline", "--format=json", image);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: vulnerability data imported").contains("is older than 7 days")
                .contains("dockfit db update");
        assertThat(new ObjectMapper().readTree(run.out()).at("/summary/total").asInt()).isEqualTo(16);
    }

    @Test
    void saysNothingAboutDataImportedWithinSevenDays() throws Exception {
        Path fresh = importedAgo("fresh", Duration.ofDays(6));
        CliRun run = CliRun.of("scan", "--db-dir=" + fresh, "--offline", "--format=json", image);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("older than");
    }

    @Test
    void offlineScanOfStaleDataSendsNoRequest() throws Exception {
        Path stale = importedAgo("stale-offline", Duration.ofDays(30));
        List<String> requests = Collections.synchronizedList(new ArrayList<>());
        HttpServer recorder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        recorder.createContext("/", ex -> {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        recorder.start();
        try {
            String url = "http://127.0.0.1:" + recorder.getAddress().getPort();
            // The recorder must be reachable the way a download would go: db update through the same variables.
            Process probe = dockfit(url, tmp.resolve("probe.out"), "db", "update", "--db-dir=" + tmp.resolve("probe-db"), "-e", "Debian");
            assertThat(probe.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(requests).as("the probe reached the recorder").isNotEmpty();
            requests.clear();

            Process scan = dockfit(url, tmp.resolve("scan.out"), "scan", "--db-dir=" + stale, "--offline", image);
            assertThat(scan.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(tmp.resolve("scan.out"));
            assertThat(scan.exitValue()).as(output).isZero();
            assertThat(output).contains("is older than 7 days").contains("found 16 vulnerabilities");
            assertThat(requests).isEmpty();
        } finally {
            recorder.stop(0);
        }
    }

    /** dockfit in its own JVM, with the OSV mirror and every HTTP(S) proxy setting pointing at {@code url}. */
    private static Process dockfit(String url, Path output, String... args) throws IOException {
        int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + port, "-Dhttps.proxyHost=127.0.0.1",
                "-Dhttps.proxyPort=" + port, "-Dhttp.nonProxyHosts=", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put("DOCKFIT_OSV_MIRROR", url + "/osv");
        pb.environment().put("HTTP_PROXY", url);
        pb.environment().put("HTTPS_PROXY", url);
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        return pb.start();
    }
}
