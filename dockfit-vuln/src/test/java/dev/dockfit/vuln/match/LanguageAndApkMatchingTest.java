package dev.dockfit.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.image.packages.OsInfo;
import dev.dockfit.image.packages.Package;
import dev.dockfit.image.packages.PackageType;
import dev.dockfit.vuln.SharedData;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Matching against the real GHSA, PYSEC, BellSoft and Alpine records of ../shared/vulndata/osv-records. */
class LanguageAndApkMatchingTest {

    private static Matcher matcher;

    @BeforeAll
    static void load() {
        matcher = new Matcher(new InMemoryVulnerabilitySource(SharedData.records(SharedData.require("vulndata/osv-records"))));
    }

    private static Package pkg(PackageType type, String name, String version) {
        return new Package(name, version, type, null, null, "test", "pkg:" + type.purlType() + "/" + name + "@" + version, -1);
    }

    private static Optional<VulnMatch> find(OsInfo os, Package p, String id) {
        return matcher.match(os, List.of(p)).matches().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    @Test
    void npmSemverRangesWithFixedAndLastAffected() {
        VulnMatch m = find(OsInfo.UNKNOWN, pkg(PackageType.NPM, "lodash", "4.17.15"), "GHSA-p6mc-m468-83gw").orElseThrow();
        assertThat(m.fixedVersion()).isEqualTo("4.17.19");
        assertThat(m.severity().severity()).isEqualTo(VulnSeverity.HIGH);
        assertThat(m.severity().score()).isEqualTo(7.4);
        assertThat(find(OsInfo.UNKNOWN, pkg(PackageType.NPM, "lodash", "4.17.19"), "GHSA-p6mc-m468-83gw")).isEmpty();
        assertThat(find(OsInfo.UNKNOWN, pkg(PackageType.NPM, "lodash", "3.6.9"), "GHSA-p6mc-m468-83gw")).isEmpty();

        VulnMatch unfixed = find(OsInfo.UNKNOWN, pkg(PackageType.NPM, "lodash.set", "4.3.2"), "GHSA-p6mc-m468-83gw").orElseThrow();
        assertThat(unfixed.fixedVersion()).isNull();
        assertThat(find(OsInfo.UNKNOWN, pkg(PackageType.NPM, "lodash.set", "4.3.3"), "GHSA-p6mc-m468-83gw")).isEmpty();
    }

    @Test
    void matchesBecomeFindings() {
        VulnMatch m = find(OsInfo.UNKNOWN, pkg(PackageType.NPM, "lodash", "4.17.15"), "GHSA-p6mc-m468-83gw").orElseThrow();
        Finding f = VulnFindings.toFinding(m, "app:1");
        assertThat(f.rule()).isEqualTo("VULN");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.practice()).isEqualTo(Practice.VULNERABILITY);
        assertThat(f.message()).isEqualTo("lodash 4.17.15: GHSA-p6mc-m468-83gw (HIGH), fixed in 4.17.19");
        assertThat(f.properties()).containsEntry("fixedVersion", "4.17.19").containsEntry("cvssScore", 7.4)
                .containsEntry("package", "lodash").containsEntry("severity", "HIGH");
        VulnMatch unfixed = find(OsInfo.UNKNOWN, pkg(PackageType.NPM, "lodash.set", "4.3.2"), "GHSA-p6mc-m468-83gw").orElseThrow();
        assertThat(VulnFindings.toFinding(unfixed, "app:1").properties()).doesNotContainKey("fixedVersion");
    }

    @Test
    void mavenByGroupAndArtifactWithOneAffectedEntryPerBranch() {
        Package old11 = pkg(PackageType.MAVEN, "org.apache.tomcat:tomcat-catalina", "11.0.7");
        assertThat(find(OsInfo.UNKNOWN, old11, "GHSA-h3gc-qfqq-6h8f").orElseThrow().fixedVersion()).isEqualTo("11.0.8");
        Package old10 = pkg(PackageType.MAVEN, "org.apache.tomcat:tomcat-catalina", "10.1.41");
        assertThat(find(OsInfo.UNKNOWN, old10, "GHSA-h3gc-qfqq-6h8f").orElseThrow().fixedVersion()).isEqualTo("10.1.42");
        Package milestone = pkg(PackageType.MAVEN, "org.apache.tomcat:tomcat-catalina", "11.0.0-M1");
        assertThat(find(OsInfo.UNKNOWN, milestone, "GHSA-h3gc-qfqq-6h8f")).isPresent();
        assertThat(find(OsInfo.UNKNOWN, pkg(PackageType.MAVEN, "org.apache.tomcat:tomcat-catalina", "11.0.8"),
                "GHSA-h3gc-qfqq-6h8f")).isEmpty();
        assertThat(find(OsInfo.UNKNOWN, pkg(PackageType.MAVEN, "org.apache.tomcat:tomcat-coyote", "11.0.7"),
                "GHSA-h3gc-qfqq-6h8f")).isEmpty();
    }

    @Test
    void pypiNamesAreNormalizedAndWithdrawnRecordsIgnored() {
        Package pyyaml = pkg(PackageType.PYPI, "PyYAML", "5.3");
        List<String> ids = matcher.match(OsInfo.UNKNOWN, List.of(pyyaml)).matches().stream().map(VulnMatch::id).toList();
        assertThat(ids).contains("PYSEC-2020-96", "PYSEC-2021-142").doesNotContain("PYSEC-2018-49", "PYSEC-2020-176");

        List<String> ansible = matcher.match(OsInfo.UNKNOWN, List.of(pkg(PackageType.PYPI, "Ansible", "2.9.27")))
                .matches().stream().map(VulnMatch::id).toList();
        assertThat(ansible).contains("PYSEC-2021-126").doesNotContain("PYSEC-2021-125", "PYSEC-2022-164");
    }

    @Test
    void goModulesWithTheirVPrefixAgainstSemverRanges() {
        VulnMatch net = find(OsInfo.UNKNOWN, pkg(PackageType.GO, "golang.org/x/net", "v0.7.0"), "GHSA-qppj-fm5r-hxr3").orElseThrow();
        assertThat(net.fixedVersion()).isEqualTo("0.17.0");
        assertThat(find(OsInfo.UNKNOWN, pkg(PackageType.GO, "golang.org/x/net", "v0.17.0"), "GHSA-qppj-fm5r-hxr3")).isEmpty();
        assertThat(find(OsInfo.UNKNOWN, pkg(PackageType.GO, "google.golang.org/grpc", "v1.58.1"), "GHSA-qppj-fm5r-hxr3")
                .orElseThrow().fixedVersion()).isEqualTo("1.58.3");
        assertThat(find(OsInfo.UNKNOWN, pkg(PackageType.GO, "google.golang.org/grpc", "v1.57.0"), "GHSA-qppj-fm5r-hxr3")
                .orElseThrow().fixedVersion()).isEqualTo("1.57.1");
        assertThat(find(OsInfo.UNKNOWN, pkg(PackageType.GO, "google.golang.org/grpc", "v1.58.3"), "GHSA-qppj-fm5r-hxr3")).isEmpty();
        // A pseudo-version of x/net from before 0.17.0 is affected too.
        assertThat(find(OsInfo.UNKNOWN, pkg(PackageType.GO, "golang.org/x/net", "v0.0.0-20230101000000-abcdefabcdef"),
                "GHSA-qppj-fm5r-hxr3")).isPresent();
    }

    @Test
    void alpineByOriginWithinTheReleaseEcosystem() {
        OsInfo alpine318 = new OsInfo("alpine", "3.18.4", "", "Alpine Linux v3.18", "");
        Package musl = new Package("musl-utils", "1.2.4-r2", PackageType.APK, "musl", "1.2.4-r2", "lib/apk/db/installed",
                "pkg:apk/alpine/musl-utils@1.2.4-r2", -1);
        VulnMatch m = find(alpine318, musl, "ALPINE-CVE-2025-26519").orElseThrow();
        assertThat(m.fixedVersion()).isEqualTo("1.2.4-r3");
        assertThat(m.ecosystem()).isEqualTo("Alpine:v3.18");
        Package fixed = new Package("musl", "1.2.4-r3", PackageType.APK, "musl", "1.2.4-r3", "x", "pkg:apk/alpine/musl@1.2.4-r3", -1);
        assertThat(find(alpine318, fixed, "ALPINE-CVE-2025-26519")).isEmpty();
        // The same version on 3.19 is affected there only up to that release's own fix.
        OsInfo alpine319 = new OsInfo("alpine", "3.19.1", "", "Alpine Linux v3.19", "");
        assertThat(find(alpine319, fixed, "ALPINE-CVE-2025-26519").orElseThrow().fixedVersion()).isEqualTo("1.2.4_git20230717-r5");
        OsInfo alpine310 = new OsInfo("alpine", "3.10.4", "", "Alpine Linux v3.10", "");
        assertThat(find(alpine310, musl, "ALPINE-CVE-2025-26519")).isEmpty();
    }

    @Test
    void alpaquitaApkVersionsAndCvssScores() {
        OsInfo alpaquita = new OsInfo("alpaquita", "23", "", "Alpaquita Linux", "");
        Package tar = new Package("tar", "1.34-r2", PackageType.APK, "tar", "1.34-r2", "x", "pkg:apk/alpaquita/tar@1.34-r2", -1);
        VulnMatch m = find(alpaquita, tar, "BELL-CVE-2023-39804").orElseThrow();
        assertThat(m.fixedVersion()).isEqualTo("1.34-r3");
        assertThat(m.severity().score()).isEqualTo(6.2);
        assertThat(m.severity().severity()).isEqualTo(VulnSeverity.MEDIUM);
        Package before = new Package("tar", "1.34-r0", PackageType.APK, "tar", "1.34-r0", "x", "pkg:apk/alpaquita/tar@1.34-r0", -1);
        assertThat(find(alpaquita, before, "BELL-CVE-2023-39804")).isEmpty();
    }

    @Test
    void osPackagesOfAnUnknownReleaseAreReportedAsNotChecked() {
        Package curl = new Package("curl", "7.88.1-10", PackageType.DEB, null, null, "var/lib/dpkg/status", "pkg:deb/debian/curl", -1);
        MatchResult r = matcher.match(OsInfo.UNKNOWN, List.of(curl));
        assertThat(r.tested()).isZero();
        assertThat(r.warnings()).singleElement().asString().contains("not checked");
    }
}
