package dev.dockfit.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockfit.image.ImageException;
import dev.dockfit.image.ImageSource;
import dev.dockfit.reference.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists a repository's tags through the registry API ({@code GET /v2/<name>/tags/list}), page by page: it follows
 * the {@code Link: <...>; rel="next"} header the distribution spec defines, and for registries that send none
 * but fill a whole page, asks again with {@code last=} set to the page's last tag.
 */
public final class RegistryTags {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A guard against a registry that keeps answering the same page. */
    private static final int MAX_PAGES = 10_000;

    private RegistryTags() {
    }

    /** Every tag of the repository of {@code image} (tag or digest ignored), asking {@code pageSize} at a time. */
    public static List<String> list(String image, ImageSource.Options options, int pageSize) {
        ImageReference ref = RegistryImages.reference(image);
        RegistryClient client = RegistryImages.client(ref, options);
        Set<String> tags = new LinkedHashSet<>();
        RegistryClient.Response page = client.tags("?n=" + pageSize);
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            List<String> got = read(page, image);
            int before = tags.size();
            tags.addAll(got);
            String next = page.link() == null ? null : nextLink(page.link());
            if (next != null) {
                page = client.follow(next);
            } else if (got.size() >= pageSize && tags.size() > before) {
                page = client.tags("?n=" + pageSize + "&last=" + URLEncoder.encode(got.get(got.size() - 1), StandardCharsets.UTF_8));
            } else {
                return new ArrayList<>(tags);
            }
        }
        throw new ImageException(image + ": the registry's tag list did not end after " + MAX_PAGES + " pages");
    }

    static String nextLink(String header) {
        Matcher m = NEXT.matcher(header);
        if (!m.find()) return null;
        URI next = URI.create(m.group(1));
        return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
    }

    private static List<String> read(RegistryClient.Response page, String image) {
        try (InputStream in = page.body()) {
            JsonNode root = JSON.readTree(in);
            List<String> out = new ArrayList<>();
            if (root != null) for (JsonNode t : root.path("tags")) out.add(t.asText());
            return out;
        } catch (IOException e) {
            throw new ImageException(image + ": malformed tag list from the registry (" + e.getMessage() + ")", e);
        }
    }
}
