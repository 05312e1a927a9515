package dev.dockfit.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every scheme must be a total order (sorting and range evaluation rely on it): antisymmetric and
 * transitive over the versions its ecosystem produces; Maven's own ordering is antisymmetric only.
 */
class VersionSchemeContractTest {

    private static void assertAntisymmetric(VersionScheme s, String a, String b) {
        assertThat(Integer.signum(s.compare(a, b))).as("%s vs %s", a, b).isEqualTo(-Integer.signum(s.compare(b, a)));
        assertThat(s.compare(a, a)).isZero();
    }

    private static void assertTotalOrder(VersionScheme s, String a, String b, String c) {
        assertAntisymmetric(s, a, b);
        if (s.compare(a, b) <= 0 && s.compare(b, c) <= 0) {
            assertThat(s.compare(a, c)).as("%s <= %s <= %s", a, b, c).isLessThanOrEqualTo(0);
        }
    }

    /** Antisymmetric only: Maven's ComparableVersion, which the scheme reproduces, is not transitive. */
    @Property(tries = 1000)
    void maven(@ForAll("maven") String a, @ForAll("maven") String b) {
        assertAntisymmetric(VersionSchemes.MAVEN, a, b);
    }

    @Property(tries = 300)
    void apk(@ForAll("apk") String a, @ForAll("apk") String b, @ForAll("apk") String c) {
        assertThat(VersionSchemes.APK.isValid(a)).as(a).isTrue();
        assertTotalOrder(VersionSchemes.APK, a, b, c);
    }

    @Property(tries = 300)
    void pep440(@ForAll("pep440") String a, @ForAll("pep440") String b, @ForAll("pep440") String c) {
        assertThat(VersionSchemes.PEP440.isValid(a)).as(a).isTrue();
        assertTotalOrder(VersionSchemes.PEP440, a, b, c);
    }

    @Property(tries = 300)
    void semver(@ForAll("semver") String a, @ForAll("semver") String b, @ForAll("semver") String c) {
        assertThat(VersionSchemes.SEMVER.isValid(a)).as(a).isTrue();
        assertTotalOrder(VersionSchemes.SEMVER, a, b, c);
    }

    /**
     * Maven versions. Maven's own ComparableVersion, which the scheme follows, is not transitive where
     * trailing-zero padding meets a sub-list or an unknown qualifier ("0-1" < "0.alpha" < "0" but "0-1" > "0");
     * {@code OtherVersionSchemesTest} pins that behaviour down.
     */
    @Provide
    Arbitrary<String> maven() {
        Arbitrary<String> first = Arbitraries.integers().between(0, 12).map(String::valueOf);
        Arbitrary<String> part = Arbitraries.oneOf(Arbitraries.integers().between(0, 12).map(String::valueOf),
                Arbitraries.of("alpha", "a", "beta", "b", "m", "milestone", "rc", "cr", "SNAPSHOT", "ga", "final", "sp", "foo", "RELEASE"));
        Arbitrary<String> sep = Arbitraries.of(".", "-", "");
        return Combinators.combine(first, part.list().ofMaxSize(4), sep.list().ofSize(5)).as((head, rest, seps) -> {
            List<String> parts = new ArrayList<>();
            parts.add(head);
            parts.addAll(rest);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) sb.append(seps.get(i));
                sb.append(parts.get(i));
            }
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<String> apk() {
        Arbitrary<String> numbers = Arbitraries.integers().between(0, 20).map(String::valueOf).list().ofMinSize(1).ofMaxSize(4)
                .map(l -> String.join(".", l));
        Arbitrary<String> letter = Arbitraries.of("", "a", "b", "z");
        Arbitrary<String> suffix = Arbitraries.of("", "_alpha", "_beta2", "_pre1", "_rc", "_rc3", "_p", "_p2", "_git20230101", "_cvs");
        Arbitrary<String> revision = Arbitraries.of("", "-r0", "-r1", "-r12");
        return Combinators.combine(numbers, letter, suffix, revision).as((n, l, s, r) -> n + l + s + r);
    }

    @Provide
    Arbitrary<String> pep440() {
        Arbitrary<String> release = Arbitraries.integers().between(0, 9).map(String::valueOf).list().ofMinSize(1).ofMaxSize(4)
                .map(l -> String.join(".", l));
        Arbitrary<String> epoch = Arbitraries.of("", "", "1!");
        Arbitrary<String> pre = Arbitraries.of("", "a1", "b2", "rc1", "alpha3", "c1", "pre2");
        Arbitrary<String> post = Arbitraries.of("", ".post1", "-2", ".rev3");
        Arbitrary<String> dev = Arbitraries.of("", ".dev0", ".dev3");
        Arbitrary<String> local = Arbitraries.of("", "+local.1", "+1", "+abc");
        return Combinators.combine(epoch, release, pre, post, dev, local).as((e, r, p, po, d, l) -> e + r + p + po + d + l);
    }

    @Provide
    Arbitrary<String> semver() {
        Arbitrary<String> core = Arbitraries.integers().between(0, 11).map(String::valueOf).list().ofSize(3).map(l -> String.join(".", l));
        Arbitrary<String> pre = Arbitraries.of("", "-alpha", "-alpha.1", "-beta.11", "-rc.1", "-0.3.7", "-x.7.z.92", "-1");
        Arbitrary<String> build = Arbitraries.of("", "+build.5", "+incompatible");
        return Combinators.combine(core, pre, build).as((c, p, b) -> c + p + b);
    }
}
