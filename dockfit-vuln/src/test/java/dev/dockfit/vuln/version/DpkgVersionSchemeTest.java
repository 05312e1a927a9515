package dev.dockfit.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DpkgVersionSchemeTest {

    private static final VersionScheme DPKG = VersionSchemes.DPKG;
    private static final Path DPKG_BINARY = Path.of("/usr/bin/dpkg");

    @ParameterizedTest
    @CsvSource({
        "1.0, 1.0, 0",
        "1.0, 1.0-0, 0",
        "0:1.0, 1.0, 0",
        "1.0~rc1, 1.0, -1",
        "1.0~~, 1.0~, -1",
        "1.0~, 1.0, -1",
        "1.0, 1.0+b1, -1",
        "1.0, 1.0a, -1",
        "1.0a, 1.0+, -1",
        "1:0.1, 2.0, 1",
        "2.36-9+deb12u3, 2.36-9+deb12u14, -1",
        "1.34+dfsg-1.2+deb12u1, 1.34+dfsg-1.2+deb12u1, 0",
        "1:2.66-4, 1:2.66-4+deb12u3, -1",
        "1.2.3-1, 1.2.3-1.1, -1",
        "1.010, 1.9, 1",
        "1.001, 1.1, 0",
        "7.88.1-10+deb12u14, 7.88.1-10+deb12u8, 1",
    })
    void ordersLikeDpkg(String a, String b, int expected) {
        assertThat(Integer.signum(DPKG.compare(a, b))).isEqualTo(expected);
        assertThat(Integer.signum(DPKG.compare(b, a))).isEqualTo(-expected);
    }

    @Test
    void validatesTheGrammar() {
        assertThat(DPKG.isValid("1:2.66-4+deb12u3")).isTrue();
        assertThat(DPKG.isValid("2.36-9+deb12u14")).isTrue();
        assertThat(DPKG.isValid("a1.0")).isFalse();
        assertThat(DPKG.isValid("1.0-")).isFalse();
        assertThat(DPKG.isValid("x:1.0")).isFalse();
        assertThat(DPKG.isValid("1.0 2")).isFalse();
    }

    @Property(tries = 400)
    @AddLifecycleHook(RequiresDpkg.class)
    void agreesWithDpkgCompareVersions(@ForAll("versions") String a, @ForAll("versions") String b) throws Exception {
        int ours = Integer.signum(DPKG.compare(a, b));
        int oracle = dpkgLt(a, b) ? -1 : (dpkg(a, "eq", b) ? 0 : 1);
        assertThat(ours).as("compare(%s, %s)", a, b).isEqualTo(oracle);
    }

    /** Skips the oracle property, saying why, on machines without dpkg. */
    public static final class RequiresDpkg implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            if (Files.isExecutable(DPKG_BINARY)) return SkipResult.doNotSkip();
            String why = "SKIPPED: dpkg is not installed, so the dpkg ordering is NOT checked against "
                    + "`dpkg --compare-versions`";
            System.err.println(why);
            return SkipResult.skip(why);
        }
    }

    @Provide
    Arbitrary<String> versions() {
        Arbitrary<String> epoch = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.integers().between(0, 3).map(i -> i + ":"));
        Arbitrary<String> upstream = Combinators.combine(
                Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(2),
                Arbitraries.strings().withChars("0123456789ab.+~Z").ofMaxLength(6))
                .as((head, tail) -> head + tail);
        Arbitrary<String> revision = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withChars("0123456789ab.+~").ofMinLength(1).ofMaxLength(5).map(r -> "-" + r));
        return Combinators.combine(epoch, upstream, revision).as((e, u, r) -> e + u + r)
                .filter(DPKG::isValid);
    }

    private static boolean dpkgLt(String a, String b) throws IOException, InterruptedException {
        return dpkg(a, "lt", b);
    }

    private static boolean dpkg(String a, String op, String b) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(DPKG_BINARY.toString(), "--compare-versions", a, op, b)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("dpkg did not answer");
        }
        int rc = p.exitValue();
        if (rc > 1) throw new IOException("dpkg rejected " + a + " " + op + " " + b + " (exit " + rc + ")");
        return rc == 0;
    }
}
