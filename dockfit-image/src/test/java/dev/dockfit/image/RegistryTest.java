package dev.dockfit.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dockfit.image.analysis.AnalysisOptions;
import dev.dockfit.image.analysis.ImageAnalyzer;
import dev.dockfit.image.analysis.ImageReport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry path against a small v2 server on 127.0.0.1 serving an OCI layout: bearer-token challenge, basic
 * credentials from a docker config, and blob redirects to another port that must not receive Authorization.
 */
class RegistryTest {
    private static final String TOKEN = "t0ken-for-test";

    @TempDir
    Path dir;
    private Path layout;
    private HttpServer registry;
    private HttpServer blobStore;
    private final List<String> blobStoreAuthHeaders = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequestsAuth = new CopyOnWriteArrayList<>();
    private String requiredBasic;
    private boolean bearer = true;

    @BeforeEach
    void start() throws IOException {
        layout = ImageShapesTest.knownWaste().writeLayout(dir.resolve("layout"));
        blobStore = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        blobStore.createContext("/store/", ex -> {
            blobStoreAuthHeaders.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            Path blob = layout.resolve("blobs/sha256/" + ex.getRequestURI().getPath().substring("/store/".length()));
            send(ex, 200, Files.readAllBytes(blob), "application/octet-stream");
        });
        blobStore.start();
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/token", ex -> {
            tokenRequestsAuth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            String query = ex.getRequestURI().getQuery();
            if (query == null || !query.contains("scope=repository:team/app:pull")) {
                send(ex, 400, new byte[0], "text/plain");
                return;
            }
            send(ex, 200, ("{\"token\":\"" + TOKEN + "\"}").getBytes(), "application/json");
        });
        registry.createContext("/v2/", this::serveV2);
        registry.start();
    }

    @AfterEach
    void stop() {
        registry.stop(0);
        blobStore.stop(0);
    }

    private void serveV2(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String expected = bearer ? "Bearer " + TOKEN : "Basic " + requiredBasic;
        if (!expected.equals(auth)) {
            String challenge = bearer
                    ? "Bearer realm=\"http://127.0.0.1:" + registry.getAddress().getPort()
                    + "/token\",service=\"test-registry\",scope=\"repository:team/app:pull\""
                    : "Basic realm=\"test\"";
            ex.getResponseHeaders().add("WWW-Authenticate", challenge);
            send(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}".getBytes(), "application/json");
            return;
        }
        String path = ex.getRequestURI().getPath();
        String prefix = "/v2/team/app/";
        if (path.startsWith(prefix + "manifests/")) {
            String ref = path.substring((prefix + "manifests/").length());
            if (ref.equals("latest")) {
                send(ex, 200, Files.readAllBytes(layout.resolve("index.json")), "application/vnd.oci.image.index.v1+json");
            } else {
                Path blob = layout.resolve("blobs/sha256/" + ref.substring(7));
                if (!Files.exists(blob)) {
                    send(ex, 404, new byte[0], "text/plain");
                    return;
                }
                send(ex, 200, Files.readAllBytes(blob), "application/vnd.oci.image.manifest.v1+json");
            }
        } else if (path.startsWith(prefix + "blobs/sha256:")) {
            String hex = path.substring((prefix + "blobs/sha256:").length());
            ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + blobStore.getAddress().getPort() + "/store/" + hex);
            send(ex, 307, new byte[0], "text/plain");
        } else {
            send(ex, 404, new byte[0], "text/plain");
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body, String type) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private ImageReport pull(Path dockerConfig) {
        String spec = "docker://127.0.0.1:" + registry.getAddress().getPort() + "/team/app:latest";
        try (Image image = ImageSource.open(spec, new ImageSource.Options(Platform.DEFAULT, Set.of(), dockerConfig))) {
            return ImageAnalyzer.analyze(image, AnalysisOptions.defaults());
        }
    }

    @Test
    void bearerTokenFlowAndRedirectsWithoutAuthorization() {
        ImageReport r = pull(dir.resolve("no-config.json"));
        ImageReport local = ImageShapesTest.analyze(layout.toString());
        assertThat(r.image().format()).isEqualTo("registry");
        assertThat(r.reclaimableBytes()).isEqualTo(local.reclaimableBytes());
        assertThat(r.dive()).isEqualTo(local.dive());
        assertThat(r.layers()).extracting(ImageReport.LayerReport::digest)
                .isEqualTo(local.layers().stream().map(ImageReport.LayerReport::digest).toList());
        assertThat(blobStoreAuthHeaders).hasSizeGreaterThanOrEqualTo(7).containsOnly("null");
        assertThat(tokenRequestsAuth).containsOnly("null"); // anonymous token
    }

    @Test
    void basicCredentialsFromDockerConfig() throws IOException {
        bearer = false;
        requiredBasic = Base64.getEncoder().encodeToString("ci:s3cret".getBytes(StandardCharsets.UTF_8));
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"auths\":{\"127.0.0.1:" + registry.getAddress().getPort()
                + "\":{\"auth\":\"" + requiredBasic + "\"}}}");
        ImageReport r = pull(config);
        assertThat(r.layers()).hasSize(6);
        assertThat(blobStoreAuthHeaders).containsOnly("null");
    }

    @Test
    void basicChallengeWithoutCredentialsIsAOneLineError() {
        bearer = false;
        requiredBasic = "nothing-matches";
        assertThatThrownBy(() -> pull(dir.resolve("absent.json"))).isInstanceOf(ImageException.class)
                .hasMessageContaining("requires credentials").hasMessageNotContaining("\n");
    }

    @Test
    void unknownTagIsNotFound() {
        String spec = "docker://127.0.0.1:" + registry.getAddress().getPort() + "/team/app@sha256:" + "0".repeat(64);
        assertThatThrownBy(() -> ImageSource.open(spec, ImageSource.Options.defaults()))
                .isInstanceOf(ImageException.class).hasMessageContaining("404");
    }
}
