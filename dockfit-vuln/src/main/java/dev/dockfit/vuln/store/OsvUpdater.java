package dev.dockfit.vuln.store;

import dev.dockfit.vuln.osv.OsvFormatException;
import dev.dockfit.vuln.osv.OsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Brings one OSV ecosystem up to date from the OSV bucket (or a mirror with the same layout:
 * {@code <base>/<Ecosystem>/all.zip}, {@code modified_id.csv}, {@code <ID>.json}). The first time,
 * and whenever many records changed, it downloads {@code all.zip}, verifies it (size, MD5 from
 * {@code x-goog-hash} when the server sends one, and every entry's CRC) and replaces the ecosystem's
 * records. Afterwards it reads {@code modified_id.csv} and fetches only records modified since the
 * newest one it holds.
 */
public final class OsvUpdater {

    public static final URI DEFAULT_BASE = URI.create("https://osv-vulnerabilities.storage.googleapis.com/");
    /** The ecosystems a container scan needs. */
    public static final List<String> DEFAULT_ECOSYSTEMS = List.of("Debian", "Ubuntu", "Alpine", "Maven", "npm", "PyPI", "Go");
    /** Above this many changed records one zip is cheaper than single downloads. */
    static final int INCREMENTAL_LIMIT = 500;

    private final HttpClient http;
    private final URI base;
    private final VulnStore store;

    /** What an update of one ecosystem did: {@code mode} is {@code full} or {@code incremental}. */
    public record Result(String ecosystem, String mode, ImportStats stats) {
    }

    public OsvUpdater(HttpClient http, URI base, VulnStore store) {
        this.http = http;
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.store = store;
    }

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build();
    }

    public static String sourceName(String ecosystem) {
        return "osv:" + ecosystem;
    }

    public Result update(String ecosystem) throws StoreException {
        String source = sourceName(ecosystem);
        Instant watermark = store.newestModified(source);
        if (watermark != null) {
            Optional<List<String>> changed = changedSince(ecosystem, watermark);
            if (changed.isPresent() && changed.get().size() <= INCREMENTAL_LIMIT) {
                List<VulnStore.Document> docs = new ArrayList<>();
                for (String id : changed.get()) docs.add(fetchRecord(ecosystem, id));
                return new Result(ecosystem, "incremental", store.importDocuments(source, docs, false));
            }
        }
        return new Result(ecosystem, "full", full(ecosystem, source));
    }

    private ImportStats full(String ecosystem, String source) throws StoreException {
        Path tmp;
        try {
            tmp = Files.createTempFile("dockfit-osv-", ".zip");
        } catch (IOException e) {
            throw new StoreException("cannot create a temporary file: " + e.getMessage(), e);
        }
        try {
            download(ecosystem, tmp);
            OsvArchives.verifyZip(tmp);
            try {
                return store.importDocuments(source, OsvArchives.documents(tmp), true);
            } catch (UncheckedIOException e) {
                throw new StoreException(ecosystem + "/all.zip is corrupt: " + e.getCause().getMessage(), e.getCause());
            }
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }

    private void download(String ecosystem, Path target) throws StoreException {
        URI uri = resolve(ecosystem, "all.zip");
        HttpResponse<InputStream> response = send(uri, HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream body = new DigestInputStream(response.body(), md5)) {
            Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StoreException("download of " + uri + " failed: " + e.getMessage(), e);
        }
        long size;
        try {
            size = Files.size(target);
        } catch (IOException e) {
            throw new StoreException("cannot read the download of " + uri + ": " + e.getMessage(), e);
        }
        Optional<Long> expectedSize = response.headers().firstValueAsLong("content-length").stream().boxed().findFirst();
        if (expectedSize.isPresent() && expectedSize.get() != size) {
            throw new StoreException("download of " + uri + " is truncated: " + size + " of " + expectedSize.get() + " bytes");
        }
        for (String hash : response.headers().allValues("x-goog-hash")) {
            for (String part : hash.split(",")) {
                String p = part.strip();
                if (p.startsWith("md5=")) {
                    String expected = p.substring(4);
                    String actual = Base64.getEncoder().encodeToString(md5.digest());
                    if (!expected.equals(actual)) {
                        throw new StoreException("download of " + uri + " does not match its MD5 (expected " + expected + ", got " + actual + ")");
                    }
                }
            }
        }
    }

    /** Ids modified after {@code watermark}, from {@code modified_id.csv} (newest first); empty when the file is missing. */
    private Optional<List<String>> changedSince(String ecosystem, Instant watermark) throws StoreException {
        URI uri = resolve(ecosystem, "modified_id.csv");
        HttpResponse<String> r = sendAllowing404(uri);
        if (r == null) return Optional.empty();
        List<String> ids = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            String l = line.strip();
            int comma = l.indexOf(',');
            if (comma <= 0) continue;
            String modified = Timestamps.canonical(l.substring(0, comma));
            String id = l.substring(comma + 1);
            if (id.contains("/")) id = id.substring(id.lastIndexOf('/') + 1);
            // An unreadable time counts as changed: fetching one record too many is harmless.
            if (modified == null || Timestamps.parse(modified).isAfter(watermark)) ids.add(id);
        }
        return Optional.of(ids);
    }

    private VulnStore.Document fetchRecord(String ecosystem, String id) throws StoreException {
        URI uri = resolve(ecosystem, id + ".json");
        byte[] body = send(uri, HttpResponse.BodyHandlers.ofByteArray()).body();
        try {
            String got = OsvParser.parse(body).id();
            if (!got.equals(id)) throw new StoreException(uri + " holds record " + got + ", not " + id);
        } catch (OsvFormatException e) {
            throw new StoreException(uri + ": " + e.getMessage(), e);
        }
        return new VulnStore.Document(uri.toString(), body);
    }

    private URI resolve(String ecosystem, String file) {
        String enc = URLEncoder.encode(ecosystem, StandardCharsets.UTF_8).replace("+", "%20");
        return base.resolve(enc + "/" + URLEncoder.encode(file, StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> send(URI uri, HttpResponse.BodyHandler<T> handler) throws StoreException {
        HttpResponse<T> r = exchange(uri, handler);
        if (r.statusCode() != 200) throw new StoreException("GET " + uri + " answered HTTP " + r.statusCode());
        return r;
    }

    private HttpResponse<String> sendAllowing404(URI uri) throws StoreException {
        HttpResponse<String> r = exchange(uri, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 404) return null;
        if (r.statusCode() != 200) throw new StoreException("GET " + uri + " answered HTTP " + r.statusCode());
        return r;
    }

    private <T> HttpResponse<T> exchange(URI uri, HttpResponse.BodyHandler<T> handler) throws StoreException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build();
        try {
            return http.send(req, handler);
        } catch (ConnectException e) {
            throw new StoreException("cannot reach " + uri + ": connection refused", e);
        } catch (IOException e) {
            throw new StoreException("cannot reach " + uri + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while downloading " + uri, e);
        }
    }
}
