package dev.dockfit.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.vuln.osv.OsvAffected;
import dev.dockfit.vuln.osv.OsvEvent;
import dev.dockfit.vuln.osv.OsvEvent.Kind;
import dev.dockfit.vuln.osv.OsvRange;
import dev.dockfit.vuln.osv.OsvRecord;
import dev.dockfit.vuln.osv.OsvSeverity;
import dev.dockfit.vuln.version.VersionSchemes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RangeAndSeverityTest {

    private static OsvAffected affected(String type, List<String> versions, Object... events) {
        List<OsvEvent> list = new ArrayList<>();
        for (int i = 0; i < events.length; i += 2) list.add(new OsvEvent((Kind) events[i], (String) events[i + 1]));
        return new OsvAffected("npm", "p", null, List.of(new OsvRange(type, null, list)), versions, List.of(), null, null);
    }

    private static String verdict(OsvAffected a, String v) {
        return RangeEvaluator.evaluate(a, v, VersionSchemes.SEMVER)
                .map(x -> x.fixedVersion() == null ? "unfixed" : "fixed:" + x.fixedVersion()).orElse("no");
    }

    @Test
    void eventsAreSortedByTheSchemeBeforeEvaluation() {
        // Written out of order on purpose: the schema says to sort events first.
        OsvAffected a = affected("SEMVER", List.of(), Kind.FIXED, "3.2.5", Kind.INTRODUCED, "3.0.0",
                Kind.FIXED, "1.0.2", Kind.INTRODUCED, "1.0.0");
        assertThat(verdict(a, "0.9.0")).isEqualTo("no");
        assertThat(verdict(a, "1.0.0")).isEqualTo("fixed:1.0.2");
        assertThat(verdict(a, "1.0.2")).isEqualTo("no");
        assertThat(verdict(a, "2.9.9")).isEqualTo("no");
        assertThat(verdict(a, "3.1.0")).isEqualTo("fixed:3.2.5");
        assertThat(verdict(a, "3.2.5")).isEqualTo("no");
    }

    @Test
    void lastAffectedIncludesItsVersionAndLeavesTheVulnerabilityUnfixed() {
        OsvAffected a = affected("ECOSYSTEM", List.of(), Kind.INTRODUCED, "0", Kind.LAST_AFFECTED, "2.1.214");
        assertThat(verdict(a, "2.1.214")).isEqualTo("unfixed");
        assertThat(verdict(a, "2.1.215")).isEqualTo("no");
    }

    @Test
    void limitsBoundTheRange() {
        OsvAffected a = affected("SEMVER", List.of(), Kind.INTRODUCED, "1.0.0", Kind.LIMIT, "2.0.0");
        assertThat(verdict(a, "1.5.0")).isEqualTo("unfixed");
        assertThat(verdict(a, "2.0.0")).isEqualTo("no");
        OsvAffected star = affected("SEMVER", List.of(), Kind.INTRODUCED, "1.0.0", Kind.LIMIT, "*");
        assertThat(verdict(star, "9.0.0")).isEqualTo("unfixed");
    }

    @Test
    void versionsListAndGitRanges() {
        OsvAffected git = affected("GIT", List.of("1.2.3"), Kind.INTRODUCED, "0", Kind.FIXED, "abcdef0123");
        assertThat(verdict(git, "1.2.3")).isEqualTo("unfixed");
        assertThat(verdict(git, "1.2.4")).isEqualTo("no");
        OsvAffected open = affected("ECOSYSTEM", List.of(), Kind.INTRODUCED, "0");
        assertThat(verdict(open, "0.0.1")).isEqualTo("unfixed");
    }

    @ParameterizedTest
    @CsvSource({
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8",
        "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H, 7.4",
        "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H, 6.2",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1",
        "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H, 9.9",
        "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N, 0.0",
        "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N, 1.6",
    })
    void cvss3BaseScores(String vector, double expected) {
        assertThat(Cvss.v3BaseScore(vector)).hasValue(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 9.3",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H, 10.0",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 8.7",
        "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 8.5",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N, 6.9",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N, 5.1",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N, 5.3",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N, 0.0",
    })
    void cvss4Scores(String vector, double expected) {
        assertThat(Cvss40.score(vector)).hasValue(expected);
    }

    @Test
    void cvss4RejectsIncompleteVectors() {
        assertThat(Cvss40.score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H")).isEmpty();
        assertThat(Cvss40.score("CVSS:4.0/AV:Q/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")).isEmpty();
        assertThat(Cvss40.score("CVSS:3.1/AV:N")).isEmpty();
    }

    @Test
    void cvss2AndMalformedVectors() {
        assertThat(Cvss.v2BaseScore("AV:N/AC:L/Au:N/C:P/I:P/A:P")).hasValue(7.5);
        assertThat(Cvss.v2BaseScore("AV:N/AC:M/Au:N/C:N/I:P/A:N")).hasValue(4.3);
        assertThat(Cvss.v3BaseScore("CVSS:3.1/AV:X/AC:L")).isEmpty();
    }

    @Test
    void severityFallsBackFromCvssToDatabaseToUrgency() {
        OsvAffected plain = new OsvAffected("Debian:12", "p", null, List.of(), List.of(), List.of(), "high", null);
        OsvRecord cvss = record(List.of(new OsvSeverity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")), "LOW");
        assertThat(SeverityAssessment.of(cvss, plain).severity()).isEqualTo(VulnSeverity.CRITICAL);
        OsvRecord v4only = record(List.of(new OsvSeverity("CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")), "MODERATE");
        SeverityAssessment s = SeverityAssessment.of(v4only, plain);
        assertThat(s.severity()).isEqualTo(VulnSeverity.CRITICAL);
        assertThat(s.source()).isEqualTo("CVSS_V4");
        assertThat(s.score()).isEqualTo(9.3);
        OsvRecord badVector = record(List.of(new OsvSeverity("CVSS_V3", "CVSS:3.1/AV:N")), "MODERATE");
        SeverityAssessment fallback = SeverityAssessment.of(badVector, plain);
        assertThat(fallback.severity()).isEqualTo(VulnSeverity.MEDIUM);
        assertThat(fallback.source()).isEqualTo("database_specific");
        assertThat(fallback.note()).contains("malformed CVSS_V3");
        assertThat(SeverityAssessment.of(record(List.of(), null), plain).severity()).isEqualTo(VulnSeverity.HIGH);
        OsvAffected bare = new OsvAffected("npm", "p", null, List.of(), List.of(), List.of(), null, null);
        assertThat(SeverityAssessment.of(record(List.of(), null), bare).severity()).isEqualTo(VulnSeverity.UNKNOWN);
    }

    private static OsvRecord record(List<OsvSeverity> severity, String dbSeverity) {
        return new OsvRecord("X-1", "2024-01-01T00:00:00Z", null, null, List.of(), "s", severity, dbSeverity, List.of());
    }
}
