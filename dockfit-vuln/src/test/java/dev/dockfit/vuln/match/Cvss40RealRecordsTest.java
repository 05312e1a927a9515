package dev.dockfit.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.vuln.SharedData;
import dev.dockfit.vuln.osv.OsvRecord;
import dev.dockfit.vuln.osv.OsvSeverity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GitHub's advisories rate a record from its CVSS vector: for the real GHSA records that carry only a
 * v4.0 vector, our computed score must give the same rating as their {@code database_specific.severity}.
 */
class Cvss40RealRecordsTest {

    @Test
    void ratingsAgreeWithGithubForV4OnlyRecords() {
        Map<String, VulnSeverity> ghsa = Map.of("LOW", VulnSeverity.LOW, "MODERATE", VulnSeverity.MEDIUM,
                "HIGH", VulnSeverity.HIGH, "CRITICAL", VulnSeverity.CRITICAL);
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        for (OsvRecord r : SharedData.records(SharedData.require("vulndata/osv-records"))) {
            List<OsvSeverity> s = r.severity();
            if (s.stream().noneMatch(x -> x.type().equals("CVSS_V4")) || s.stream().anyMatch(x -> x.type().equals("CVSS_V3"))
                    || !ghsa.containsKey(String.valueOf(r.databaseSeverity()))) {
                continue;
            }
            String vector = s.stream().filter(x -> x.type().equals("CVSS_V4")).findFirst().orElseThrow().score();
            double score = Cvss40.score(vector).orElseThrow();
            checked++;
            if (VulnSeverity.fromCvssScore(score) != ghsa.get(r.databaseSeverity())) {
                disagreements.add(r.id() + " " + vector + " -> " + score + " but GitHub says " + r.databaseSeverity());
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
        assertThat(disagreements).isEmpty();
    }
}
