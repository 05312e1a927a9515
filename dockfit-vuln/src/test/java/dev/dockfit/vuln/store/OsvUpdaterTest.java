package dev.dockfit.vuln.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.dockfit.vuln.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `db update` against a local mirror of the OSV bucket layout serving a zip made from ../shared/vulndata. */
class OsvUpdaterTest {

    @TempDir
    Path tmp;

    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, String> md5Override = new ConcurrentHashMap<>();
    private final List<String> requests = new ArrayList<>();
    private URI base;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            synchronized (requests) {
                requests.add(path);
            }
            byte[] body = files.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String md5 = md5Override.getOrDefault(path, md5(body));
            exchange.getResponseHeaders().add("x-goog-hash", "crc32c=AAAAAA==,md5=" + md5);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mirror/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fullDownloadThenIncrementalUpdate() throws Exception {
        Path osv = SharedData.require("vulndata/debian12-derived/osv");
        files.put("/mirror/Debian/all.zip", zipOf(osv));
        try (VulnStore store = VulnStore.open(tmp.resolve("db"))) {
            OsvUpdater updater = new OsvUpdater(OsvUpdater.defaultClient(), base, store);
            OsvUpdater.Result full = updater.update("Debian");
            assertThat(full.mode()).isEqualTo("full");
            assertThat(full.stats().imported()).isEqualTo(79);
            assertThat(store.find("Debian:12", "perl")).extracting(dev.dockfit.vuln.osv.OsvRecord::id).hasSize(13).contains("DEBIAN-CVE-2025-15649");

            // One record changed upstream: modified_id.csv lists it newest first; only it is fetched.
            String perlId = "DEBIAN-CVE-2025-15649";
            String changed = Files.readString(osv.resolve(perlId + ".json"))
                    .replaceFirst("\"modified\": \"[^\"]+\"", "\"modified\": \"2030-01-01T00:00:00Z\"");
            files.put("/mirror/Debian/" + perlId + ".json", changed.getBytes(StandardCharsets.UTF_8));
            files.put("/mirror/Debian/modified_id.csv",
                    ("2030-01-01T00:00:00Z," + perlId + "\n2020-01-01T00:00:00Z,DEBIAN-CVE-2024-28757\n").getBytes(StandardCharsets.UTF_8));
            requests.clear();
            OsvUpdater.Result inc = updater.update("Debian");
            assertThat(inc.mode()).isEqualTo("incremental");
            assertThat(inc.stats().imported()).isEqualTo(1);
            assertThat(requests).containsExactly("/mirror/Debian/modified_id.csv", "/mirror/Debian/" + perlId + ".json");
            assertThat(store.newestModified(OsvUpdater.sourceName("Debian"))).isEqualTo(java.time.Instant.parse("2030-01-01T00:00:00Z"));
            assertThat(store.status().records()).isEqualTo(79);
        }
    }

    @Test
    void aFullDownloadReplacesRecordsThatDisappeared() throws Exception {
        Path osv = SharedData.require("vulndata/debian12-derived/osv");
        files.put("/mirror/Debian/all.zip", zipOf(osv));
        try (VulnStore store = VulnStore.open(tmp.resolve("db"))) {
            OsvUpdater updater = new OsvUpdater(OsvUpdater.defaultClient(), base, store);
            updater.update("Debian");
            Path fewer = tmp.resolve("fewer");
            Files.createDirectories(fewer);
            try (Stream<Path> s = Files.list(osv)) {
                for (Path p : s.filter(p -> !p.getFileName().toString().contains("NEGATIVE")).toList()) {
                    Files.copy(p, fewer.resolve(p.getFileName()));
                }
            }
            files.put("/mirror/Debian/all.zip", zipOf(fewer));
            // No modified_id.csv on this mirror: every update is a full one.
            OsvUpdater.Result r = updater.update("Debian");
            assertThat(r.mode()).isEqualTo("full");
            assertThat(r.stats().removed()).isEqualTo(4);
            assertThat(store.status().records()).isEqualTo(75);
        }
    }

    @Test
    void aDownloadThatFailsVerificationChangesNothing() throws Exception {
        Path osv = SharedData.require("vulndata/debian12-derived/osv");
        files.put("/mirror/Debian/all.zip", zipOf(osv));
        md5Override.put("/mirror/Debian/all.zip", Base64.getEncoder().encodeToString(new byte[16]));
        try (VulnStore store = VulnStore.open(tmp.resolve("db"))) {
            OsvUpdater updater = new OsvUpdater(OsvUpdater.defaultClient(), base, store);
            assertThatThrownBy(() -> updater.update("Debian")).isInstanceOf(StoreException.class).hasMessageContaining("MD5");
            assertThat(store.status().records()).isZero();
            assertThatThrownBy(() -> updater.update("Alpine")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("/mirror/Alpine/all.zip").hasMessageContaining("HTTP 404");
        }
    }

    @Test
    void anUnreachableMirrorIsOneLine() throws Exception {
        try (VulnStore store = VulnStore.open(tmp.resolve("db"))) {
            server.stop(0);
            OsvUpdater updater = new OsvUpdater(OsvUpdater.defaultClient(), base, store);
            assertThatThrownBy(() -> updater.update("npm")).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("cannot reach " + base + "npm/all.zip").hasMessageNotContaining("\n");
        }
    }

    static byte[] zipOf(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(p.getFileName().toString()));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String md5(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
