package dev.dockfit.cli.recommend;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockfit.cli.Json;
import dev.dockfit.vuln.match.VulnSeverity;
import java.util.List;
import java.util.Locale;

/** The JSON form of the recommendations (docs/scan.md). */
public final class RecommendationsJson {

    private RecommendationsJson() {
    }

    public static ObjectNode toJson(Recommender.Recommendations r) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("image", r.image());
        root.set("current", candidate(r.current()));
        list(root.putArray("minorUpgrades"), r.minorUpgrades());
        list(root.putArray("majorUpgrades"), r.majorUpgrades());
        list(root.putArray("alternatives"), r.alternatives());
        return root;
    }

    private static void list(ArrayNode array, List<CandidateScan> scans) {
        for (CandidateScan s : scans) array.add(candidate(s));
    }

    private static ObjectNode candidate(CandidateScan s) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("tag", s.tag()).put("digest", s.digest()).put("compressedBytes", s.compressedBytes()).put("tested", s.tested());
        ObjectNode v = o.putObject("vulnerabilities");
        for (VulnSeverity sev : VulnSeverity.values()) v.put(sev.name().toLowerCase(Locale.ROOT), s.counts().getOrDefault(sev, 0));
        v.put("total", s.total());
        return o;
    }
}
