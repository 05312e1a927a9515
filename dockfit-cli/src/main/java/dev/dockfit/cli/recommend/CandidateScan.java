package dev.dockfit.cli.recommend;

import dev.dockfit.vuln.match.VulnSeverity;
import java.util.Map;

/**
 * One scanned tag.
 *
 * @param digest          the manifest digest the tag pointed to
 * @param compressedBytes sum of the layers' stored (compressed) sizes
 * @param tested          packages looked up
 * @param counts          vulnerabilities per severity
 */
public record CandidateScan(String tag, String digest, long compressedBytes, int tested, Map<VulnSeverity, Integer> counts) {

    public CandidateScan {
        counts = Map.copyOf(counts);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public CandidateScan withTag(String newTag) {
        return new CandidateScan(newTag, digest, compressedBytes, tested, counts);
    }
}
