package dev.dockfit.image.packages;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Detects the OS of an image root from {@code etc/os-release} (or {@code usr/lib/os-release}, which
 * distroless images reach through a symlink), {@code etc/debian_version} and {@code etc/alpine-release}.
 */
public final class OsDetector {

    /** Reads a regular file of the image root by its path relative to the root; empty when absent. */
    @FunctionalInterface
    public interface FileLookup {
        Optional<byte[]> read(String path);
    }

    /** The files {@link #detect} reads, for walks that collect them first. */
    public static final List<String> FILES = List.of(
            "etc/os-release", "usr/lib/os-release", "etc/debian_version", "etc/alpine-release");

    private OsDetector() {
    }

    public static OsInfo detect(FileLookup files) {
        Map<String, String> release = files.read("etc/os-release")
                .or(() -> files.read("usr/lib/os-release"))
                .map(OsDetector::parseOsRelease).orElse(Map.of());
        String id = release.getOrDefault("ID", "").toLowerCase(Locale.ROOT);
        String versionId = release.getOrDefault("VERSION_ID", "");
        Optional<String> debianVersion = files.read("etc/debian_version").map(OsDetector::firstLine);
        Optional<String> alpineRelease = files.read("etc/alpine-release").map(OsDetector::firstLine);
        if (id.isEmpty()) {
            if (alpineRelease.isPresent()) id = "alpine";
            else if (debianVersion.isPresent()) id = "debian";
        }
        if (versionId.isEmpty() && id.equals("alpine")) versionId = alpineRelease.orElse("");
        if (versionId.isEmpty() && id.equals("debian")) {
            versionId = debianVersion.filter(v -> v.matches("\\d+(\\.\\d+)*")).orElse("");
        }
        if (id.isEmpty()) return OsInfo.UNKNOWN;
        String pretty = release.getOrDefault("PRETTY_NAME", (id + " " + versionId).strip());
        return new OsInfo(id, versionId, release.getOrDefault("VERSION_CODENAME", ""), pretty,
                release.getOrDefault("VERSION", ""));
    }

    /** Parses os-release's shell-like {@code KEY=value} lines (quotes and backslash escapes removed). */
    public static Map<String, String> parseOsRelease(byte[] content) {
        Map<String, String> out = new HashMap<>();
        for (String raw : new String(content, StandardCharsets.UTF_8).split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) continue;
            out.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = v.substring(1, v.length() - 1);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) c = v.charAt(++i);
            sb.append(c);
        }
        return sb.toString();
    }

    private static String firstLine(byte[] content) {
        String s = new String(content, StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).strip();
    }
}
