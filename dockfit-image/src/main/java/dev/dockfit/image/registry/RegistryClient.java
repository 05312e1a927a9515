package dev.dockfit.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockfit.image.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A registry v2 client on the JDK HttpClient: anonymous, basic or bearer-token access (the WWW-Authenticate
 * challenge flow), redirects followed by hand so the Authorization header never goes to another host.
 */
final class RegistryClient {
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient http;
    private final String scheme;
    private final String registry;
    private final String repository;
    private final Path dockerConfig;
    private volatile String authorization;

    RegistryClient(String scheme, String registry, String repository, Path dockerConfig) {
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(20)).build();
        this.scheme = scheme;
        this.registry = registry;
        this.repository = repository;
        this.dockerConfig = dockerConfig;
    }

    /** A response body stream plus the headers that matter. */
    record Response(InputStream body, String contentType, long length, String digestHeader, String link) {
    }

    Response manifest(String reference, String accept) {
        return get("/v2/" + repository + "/manifests/" + reference, accept);
    }

    Response blob(String digest) {
        return get("/v2/" + repository + "/blobs/" + digest, "*/*");
    }

    /** One page of {@code GET /v2/<repo>/tags/list}; {@code query} is empty or starts with {@code ?}. */
    Response tags(String query) {
        return get("/v2/" + repository + "/tags/list" + query, "application/json");
    }

    /** A path (and query) the registry gave in a Link header, fetched with this client's credentials. */
    Response follow(String pathAndQuery) {
        return get(pathAndQuery, "application/json");
    }

    String url(String path) {
        return scheme + "://" + registry + path;
    }

    private Response get(String path, String accept) {
        URI uri = URI.create(url(path));
        try {
            HttpResponse<InputStream> r = send(uri, accept, authorization);
            if (r.statusCode() == 401) {
                String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
                r.body().close();
                authorization = authenticate(Challenge.parse(challenge));
                r = send(uri, accept, authorization);
            }
            for (int hop = 0; isRedirect(r.statusCode()) && hop < MAX_REDIRECTS; hop++) {
                String location = r.headers().firstValue("Location")
                        .orElseThrow(() -> new ImageException(registry + ": redirect without Location for " + path));
                r.body().close();
                URI next = uri.resolve(location);
                // Credentials are for the registry only; a blob store on another host gets none.
                String auth = sameOrigin(uri, next) ? authorization : null;
                uri = next;
                r = send(uri, accept, auth);
            }
            if (r.statusCode() != 200) {
                r.body().close();
                throw new ImageException(registry + ": GET " + path + " answered HTTP " + r.statusCode()
                        + (r.statusCode() == 404 ? " (not found)" : r.statusCode() == 401 ? " (unauthorized)" : ""));
            }
            return new Response(r.body(), r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValueAsLong("Content-Length").orElse(-1),
                    r.headers().firstValue("Docker-Content-Digest").orElse(null),
                    r.headers().firstValue("Link").orElse(null));
        } catch (IOException e) {
            throw new ImageException(registry + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + " (GET " + uri + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageException(registry + ": interrupted");
        }
    }

    private HttpResponse<InputStream> send(URI uri, String accept, String auth) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofMinutes(10))
                .header("Accept", accept).header("User-Agent", "dockfit");
        if (auth != null) b.header("Authorization", auth);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** Answers a challenge: basic credentials as they are, or a bearer token from the realm. */
    private String authenticate(Challenge c) throws IOException, InterruptedException {
        Optional<String> basic = Credentials.basicAuth(dockerConfig, registry);
        if (c.scheme().equals("basic")) {
            return basic.map(b -> "Basic " + b)
                    .orElseThrow(() -> new ImageException(registry + ": requires credentials; none for it in "
                            + dockerConfig));
        }
        if (!c.scheme().equals("bearer") || c.params().get("realm") == null) {
            throw new ImageException(registry + ": unsupported authentication challenge '" + c.scheme() + "'");
        }
        StringBuilder q = new StringBuilder(c.params().get("realm"));
        q.append(q.indexOf("?") < 0 ? '?' : '&');
        if (c.params().containsKey("service")) q.append("service=").append(enc(c.params().get("service"))).append('&');
        q.append("scope=").append(enc(c.params().getOrDefault("scope", "repository:" + repository + ":pull")));
        URI tokenUri = URI.create(q.toString());
        HttpRequest.Builder b = HttpRequest.newBuilder(tokenUri).GET().timeout(Duration.ofMinutes(1))
                .header("User-Agent", "dockfit");
        basic.ifPresent(v -> b.header("Authorization", "Basic " + v));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new ImageException(registry + ": token server " + tokenUri.getHost() + " answered HTTP " + r.statusCode());
        }
        JsonNode json = new ObjectMapper().readTree(r.body());
        String token = json.path("token").asText(json.path("access_token").asText(""));
        if (token.isEmpty()) throw new ImageException(registry + ": token server gave no token");
        return "Bearer " + token;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
