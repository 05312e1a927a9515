package dev.dockfit.cli.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockfit.vuln.match.VulnSeverity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Scan results of candidate images by manifest digest (an image behind a digest never changes), valid as long as
 * the vulnerability database is the one they were computed with ({@code stamp}: its newest import).
 * One small JSON file per digest under {@code <user cache>/dockfit/scans}.
 */
public final class ScanCache {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final String stamp;

    public ScanCache(Path dir, String stamp) {
        this.dir = dir;
        this.stamp = stamp;
    }

    /** {@code <cache home>/dockfit/scans}, next to the vulnerability database's default directory. */
    public static Path defaultDirectory(Path vulnDbDefault) {
        return vulnDbDefault.getParent().resolve("scans");
    }

    Optional<CandidateScan> get(String digest, String tag) {
        Path file = file(digest);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (!stamp.equals(n.path("database").asText())) return Optional.empty();
            Map<VulnSeverity, Integer> counts = new EnumMap<>(VulnSeverity.class);
            for (VulnSeverity s : VulnSeverity.values()) counts.put(s, n.path("counts").path(s.name()).asInt());
            return Optional.of(new CandidateScan(tag, digest, n.path("compressedBytes").asLong(), n.path("tested").asInt(), counts));
        } catch (IOException e) {
            return Optional.empty(); // a damaged entry is simply scanned again
        }
    }

    void put(CandidateScan scan) {
        ObjectNode n = JSON.createObjectNode();
        n.put("digest", scan.digest()).put("database", stamp).put("compressedBytes", scan.compressedBytes()).put("tested", scan.tested());
        ObjectNode counts = n.putObject("counts");
        scan.counts().forEach((s, c) -> counts.put(s.name(), c));
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "scan", ".tmp");
            JSON.writeValue(tmp.toFile(), n);
            Files.move(tmp, file(scan.digest()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The cache only saves time; a read-only cache directory costs a rescan next time.
        }
    }

    private Path file(String digest) {
        return dir.resolve(digest.replace(':', '-') + ".json");
    }
}
