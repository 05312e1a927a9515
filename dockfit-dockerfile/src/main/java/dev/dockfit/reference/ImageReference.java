package dev.dockfit.reference;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference split the way the distribution reference grammar splits it:
 * {@code [registry/]repository[:tag][@digest]}. The registry is the first path component only when it
 * looks like a host (has a '.' or ':' or is {@code localhost}); otherwise Docker Hub is implied and a
 * one-component repository lives under {@code library/}.
 *
 * @param raw        the text as written
 * @param registry   the registry host[:port] as written, or null when implied (Docker Hub)
 * @param repository the repository path as written (without the implied {@code library/})
 * @param tag        the tag as written, or null when absent (which Docker treats as {@code latest})
 * @param digest     {@code algorithm:hex}, or null
 */
public record ImageReference(String raw, String registry, String repository, String tag, String digest) {

    public static final String DOCKER_HUB = "docker.io";

    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}");

    /** Parses a reference; empty when the text is not a valid reference (e.g. it still holds {@code $VAR}). */
    public static Optional<ImageReference> parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) return Optional.empty();
        String digest = null;
        int at = s.indexOf('@');
        if (at >= 0) {
            digest = s.substring(at + 1);
            s = s.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) return Optional.empty();
        }
        String tag = null;
        int colon = s.lastIndexOf(':');
        if (colon > s.lastIndexOf('/')) {
            tag = s.substring(colon + 1);
            s = s.substring(0, colon);
            if (!isTag(tag)) return Optional.empty();
        }
        String registry = null;
        int slash = s.indexOf('/');
        if (slash > 0) {
            String first = s.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                s = s.substring(slash + 1);
            }
        }
        if (!isRepository(s)) return Optional.empty();
        return Optional.of(new ImageReference(text.strip(), registry, s, tag, digest));
    }

    /*
     * The grammar's repository and tag, scanned by hand: a regex Matcher per FROM line is a hot cost on C1 (every
     * file linted resolves its base images).
     */

    /** {@code [a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*} components joined by {@code /}. */
    private static boolean isRepository(String s) {
        int n = s.length();
        int i = 0;
        while (true) {
            // a run of [a-z0-9] must start the text and follow every separator
            if (i == n || !isLowerAlnum(s.charAt(i))) return false;
            while (i < n && isLowerAlnum(s.charAt(i))) i++;
            if (i == n) return true;
            char c = s.charAt(i++);
            if (c == '_') {
                if (i < n && s.charAt(i) == '_') i++;
            } else if (c == '-') {
                while (i < n && s.charAt(i) == '-') i++;
            } else if (c != '.' && c != '/') {
                return false;
            }
        }
    }

    private static boolean isLowerAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /** {@code [\w][\w.-]{0,127}}. */
    private static boolean isTag(String s) {
        int n = s.length();
        if (n == 0 || n > 128 || !isWordChar(s.charAt(0))) return false;
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (!isWordChar(c) && c != '.' && c != '-') return false;
        }
        return true;
    }

    /** The regex class {@code \w}: ASCII letters, digits and underscore. */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** The registry host, with Docker Hub's aliases folded to {@code docker.io}. */
    public String registryHost() {
        if (registry == null || registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
            return DOCKER_HUB;
        }
        return registry;
    }

    public boolean isDockerHub() {
        return registryHost().equals(DOCKER_HUB);
    }

    /** The repository path as the registry API names it ({@code library/node} for Docker Hub's {@code node}). */
    public String apiRepository() {
        return isDockerHub() && !repository.contains("/") ? "library/" + repository : repository;
    }

    /** For a Docker Official Image ({@code node}, {@code library/node}, {@code docker.io/node}) its short name. */
    public Optional<String> officialName() {
        if (!isDockerHub()) return Optional.empty();
        if (!repository.contains("/")) return Optional.of(repository);
        if (repository.startsWith("library/") && repository.indexOf('/', 8) < 0) {
            return Optional.of(repository.substring(8));
        }
        return Optional.empty();
    }

    /** The tag, or {@code latest} when none was written and no digest pins the image. */
    public String effectiveTag() {
        return tag != null ? tag : (digest == null ? "latest" : null);
    }

    public ImageReference withTag(String newTag) {
        String head = (registry == null ? "" : registry + "/") + repository;
        String text = head + ":" + newTag + (digest == null ? "" : "@" + digest);
        return new ImageReference(text, registry, repository, newTag, digest);
    }

    /** A canonical form: {@code registry/repository[:tag][@digest]} with Docker Hub's defaults filled in. */
    public String canonical() {
        String t = effectiveTag();
        return registryHost() + "/" + apiRepository() + (t == null ? "" : ":" + t)
                + (digest == null ? "" : "@" + digest.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return raw;
    }
}
