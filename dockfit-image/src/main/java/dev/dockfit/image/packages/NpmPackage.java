package dev.dockfit.image.packages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads installed npm packages: the {@code package.json} at the top of each
 * {@code node_modules/<name>} or {@code node_modules/@scope/<name>} folder (manifests deeper inside a
 * package, such as {@code lib/package.json} markers, are not packages).
 */
public final class NpmPackage {

    private static final Pattern PATH = Pattern.compile("(?:.*/)?node_modules/(?:@[^/]+/)?[^/@][^/]*/package\\.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NpmPackage() {
    }

    public static boolean isManifest(String path) {
        return PATH.matcher(PackagePaths.normalize(path)).matches();
    }

    /** The package, or empty when the manifest has no name or version; malformed JSON gives an exception with a one-line message. */
    public static Optional<Package> parse(byte[] content, String path) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IOException(PackagePaths.normalize(path) + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) return Optional.empty();
        String name = root.path("name").asText("");
        String version = root.path("version").asText("");
        if (name.isEmpty() || version.isEmpty()) return Optional.empty();
        String namespace = null;
        String simple = name;
        if (name.startsWith("@") && name.indexOf('/') > 0) {
            namespace = name.substring(0, name.indexOf('/'));
            simple = name.substring(name.indexOf('/') + 1);
        }
        return Optional.of(new Package(name, version, PackageType.NPM, null, null, PackagePaths.normalize(path),
                PackageUrl.of("npm", namespace, simple, version, null), -1));
    }
}
