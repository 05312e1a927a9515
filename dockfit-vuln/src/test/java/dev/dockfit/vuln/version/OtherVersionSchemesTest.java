package dev.dockfit.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OtherVersionSchemesTest {

    private static void assertOrder(VersionScheme scheme, String... ascending) {
        for (int i = 0; i < ascending.length; i++) {
            for (int j = 0; j < ascending.length; j++) {
                assertThat(Integer.signum(scheme.compare(ascending[i], ascending[j])))
                        .as("%s: %s vs %s", scheme.name(), ascending[i], ascending[j])
                        .isEqualTo(Integer.signum(Integer.compare(i, j)));
            }
        }
        List<String> shuffled = new ArrayList<>(List.of(ascending));
        Collections.reverse(shuffled);
        shuffled.sort(scheme);
        assertThat(shuffled).containsExactly(ascending);
    }

    @Test
    void apkSuffixesLettersAndRevisions() {
        assertOrder(VersionSchemes.APK,
                "1.0_alpha", "1.0_alpha2", "1.0_beta1", "1.0_pre1", "1.0_rc1", "1.0", "1.0-r1", "1.0-r2",
                "1.0_p1", "1.0_p1-r1", "1.0a", "1.0b", "1.0.1", "1.1", "1.10");
        assertOrder(VersionSchemes.APK, "1.1.1d-r2", "1.1.1d-r3", "1.1.1g-r0", "1.1.1k-r0");
        assertOrder(VersionSchemes.APK, "1.2.3_git20230101", "1.2.3_p0");
        assertOrder(VersionSchemes.APK, "1.36.1-r4", "1.36.1-r29", "1.37.0-r0");
    }

    @ParameterizedTest
    @CsvSource({"1.0, 1.0, 0", "1.01, 1.1, -1", "1.0_rc, 1.0_rc0, -1", "2.10.4-r2, 2.10.4-r3, -1", "1.0~abc, 1.0, 1"})
    void apkPairs(String a, String b, int expected) {
        assertThat(Integer.signum(VersionSchemes.APK.compare(a, b))).isEqualTo(expected);
    }

    @Test
    void apkGrammar() {
        VersionScheme apk = VersionSchemes.APK;
        assertThat(apk.isValid("1.2.3_rc1-r0")).isTrue();
        assertThat(apk.isValid("1.1.1d-r2")).isTrue();
        assertThat(apk.isValid("1.0~a1b2-r1")).isTrue();
        assertThat(apk.isValid("1.0_foo")).isFalse();
        assertThat(apk.isValid("1.0-1")).isFalse();
        assertThat(apk.isValid("a1")).isFalse();
        assertThat(apk.isValid("1.0ab")).isFalse();
    }

    @Test
    void mavenFollowsComparableVersionEvenWhereItIsNotTransitive() {
        // Maven's ComparableVersion gives these answers for versions that start with a qualifier; matching
        // Maven matters more than a total order over strings no artifact publishes.
        VersionScheme m = VersionSchemes.MAVEN;
        assertThat(m.compare("a", "0.alpha")).isNegative();
        assertThat(m.compare("0.alpha", "0")).isNegative();
        assertThat(m.compare("a", "0")).isPositive();
        assertThat(m.compare("0-1", "0.alpha")).isNegative();
        assertThat(m.compare("0-1", "0")).isPositive();
    }

    @Test
    void mavenQualifiersAndPadding() {
        VersionScheme m = VersionSchemes.MAVEN;
        assertOrder(m, "1-alpha-1", "1-alpha-2", "1-beta-1", "1-milestone-1", "1-rc-1", "1-snapshot", "1", "1-sp", "1-abc",
                "1-1", "1.1");
        assertOrder(m, "1.0-alpha1", "1.0-beta1", "1.0-m1", "1.0-rc1", "1.0-SNAPSHOT", "1.0", "1.0.1", "1.1");
        assertOrder(m, "2.9.10", "2.9.10.1", "2.9.10.8", "2.10.0");
        assertThat(m.compare("1.0", "1")).isZero();
        assertThat(m.compare("1.0.0", "1-ga")).isZero();
        assertThat(m.compare("1-final", "1.0-release")).isZero();
        assertThat(m.compare("1-cr1", "1-rc1")).isZero();
        assertThat(m.compare("1a1", "1-alpha-1")).isZero();
        assertThat(m.compare("1.0.0.RELEASE", "1.0.0")).isZero();
        assertThat(m.compare("5.3.18", "5.3.2")).isPositive();
        assertThat(m.compare("1.0-SNAPSHOT", "1.0-rc1")).isPositive();
    }

    @Test
    void semverPrecedenceFromTheSpec() {
        assertOrder(VersionSchemes.SEMVER, "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0");
        assertThat(VersionSchemes.SEMVER.compare("1.0.0+build.1", "1.0.0")).isZero();
        assertThat(VersionSchemes.SEMVER.isValid("1.0.0-rc.1+sha.5114f85")).isTrue();
        assertThat(VersionSchemes.SEMVER.isValid("1.0")).isFalse();
        assertThat(VersionSchemes.SEMVER.isValid("01.0.0")).isFalse();
        assertThat(VersionSchemes.SEMVER.isValid("1.0.0-01")).isFalse();
    }

    @Test
    void goVersionsWithPrefixIncompatibleAndPseudoVersions() {
        VersionScheme go = VersionSchemes.GO;
        assertOrder(go, "v0.0.0-20190101000000-abcdefabcdef", "v0.0.0-20230101000000-abcdefabcdef", "v0.1.0",
                "v1.2.3", "v1.2.4-0.20230101000000-abcdefabcdef", "v1.2.4", "v2.0.0+incompatible", "v2.1.0+incompatible");
        assertThat(go.compare("v1.2.3", "1.2.3")).isZero();
        assertThat(go.compare("v2.0.0+incompatible", "2.0.0")).isZero();
        assertThat(go.isValid("v1.2.3")).isTrue();
        assertThat(go.isValid("v2.0.0+incompatible")).isTrue();
        assertThat(go.isValid("1.2.3")).isFalse();
    }

    @Test
    void pep440OrderAndNormalization() {
        assertOrder(VersionSchemes.PEP440, "1.0.dev0", "1.0a1.dev1", "1.0a1", "1.0a2", "1.0b1", "1.0rc1", "1.0",
                "1.0+local.1", "1.0+local.2", "1.0+1", "1.0.post1.dev0", "1.0.post1", "1.0.1", "1.1", "1!0.1");
        VersionScheme p = VersionSchemes.PEP440;
        assertThat(p.compare("1.0", "1.0.0")).isZero();
        assertThat(p.compare("1.0ALPHA1", "1.0a1")).isZero();
        assertThat(p.compare("1.0-c1", "1.0rc1")).isZero();
        assertThat(p.compare("1.0-1", "1.0.post1")).isZero();
        assertThat(p.compare("v1.0", "1.0")).isZero();
        assertThat(p.compare("1.0.dev", "1.0.dev0")).isZero();
        assertThat(p.compare("2.31.0", "2.4.0")).isPositive();
        assertThat(p.isValid("1.0.post1.dev2+abc.5")).isTrue();
        assertThat(p.isValid("1.0-foo")).isFalse();
    }

    @Test
    void schemesChosenByOsvEcosystem() {
        assertThat(VersionSchemes.forEcosystem("Debian:12")).containsSame(VersionSchemes.DPKG);
        assertThat(VersionSchemes.forEcosystem("Alpine:v3.18")).containsSame(VersionSchemes.APK);
        assertThat(VersionSchemes.forEcosystem("Alpaquita:23")).containsSame(VersionSchemes.APK);
        assertThat(VersionSchemes.forEcosystem("Maven")).containsSame(VersionSchemes.MAVEN);
        assertThat(VersionSchemes.forEcosystem("npm")).containsSame(VersionSchemes.SEMVER);
        assertThat(VersionSchemes.forEcosystem("Go")).containsSame(VersionSchemes.GO);
        assertThat(VersionSchemes.forEcosystem("PyPI")).containsSame(VersionSchemes.PEP440);
        assertThat(VersionSchemes.forEcosystem("Hackage")).isEmpty();
    }
}
