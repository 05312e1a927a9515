package dev.dockfit.vuln.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's PEP 440 ordering: epoch, release (trailing zeros ignored), pre-release ({@code a < b < rc},
 * with the spellings alpha/beta/c/pre/preview), post-release, dev-release, local version label.
 * Parsing accepts PEP 440's normalization (case, {@code -_.} separators, implicit numbers, a leading
 * {@code v}).
 */
public final class Pep440VersionScheme implements VersionScheme {

    private static final Pattern VERSION = Pattern.compile(
            "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
                    + "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?"
                    + "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?");

    @Override
    public String name() {
        return "pep440";
    }

    @Override
    public boolean isValid(String version) {
        return version != null && VERSION.matcher(version.strip().toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    public int compare(String a, String b) {
        return Key.of(a).compareTo(Key.of(b));
    }

    /** The sort key of packaging's {@code _cmpkey}; absent parts are encoded as -inf/+inf ranks. */
    private record Key(BigInteger epoch, List<BigInteger> release, int preRank, String preLetter, BigInteger preNumber,
                       BigInteger post, BigInteger dev, List<String> local) implements Comparable<Key> {

        static Key of(String version) {
            Matcher m = VERSION.matcher(version.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) throw new IllegalArgumentException("not a PEP 440 version: " + version);
            BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
            List<BigInteger> release = new ArrayList<>();
            for (String p : m.group("release").split("\\.")) release.add(new BigInteger(p));
            while (release.size() > 1 && release.get(release.size() - 1).signum() == 0) release.remove(release.size() - 1);
            String preLetter = null;
            BigInteger preNumber = null;
            if (m.group("preL") != null) {
                preLetter = switch (m.group("preL")) {
                    case "alpha", "a" -> "a";
                    case "beta", "b" -> "b";
                    default -> "rc";
                };
                preNumber = number(m.group("preN"));
            }
            BigInteger post = null;
            if (m.group("post") != null) post = number(m.group("postN1") != null ? m.group("postN1") : m.group("postN2"));
            BigInteger dev = m.group("dev") != null ? number(m.group("devN")) : null;
            // A dev release of the plain release sorts before its pre-releases: 1.0.dev0 < 1.0a1.
            int preRank = preLetter != null ? 0 : (post == null && dev != null ? -1 : 1);
            List<String> local = m.group("local") == null ? null : List.of(m.group("local").split("[-_.]"));
            return new Key(epoch, release, preRank, preLetter, preNumber, post, dev, local);
        }

        private static BigInteger number(String s) {
            return s == null ? BigInteger.ZERO : new BigInteger(s);
        }

        @Override
        public int compareTo(Key o) {
            int c = epoch.compareTo(o.epoch);
            if (c != 0) return c;
            int n = Math.max(release.size(), o.release.size());
            for (int i = 0; i < n; i++) {
                BigInteger x = i < release.size() ? release.get(i) : BigInteger.ZERO;
                BigInteger y = i < o.release.size() ? o.release.get(i) : BigInteger.ZERO;
                c = x.compareTo(y);
                if (c != 0) return c;
            }
            c = Integer.compare(preRank, o.preRank);
            if (c != 0) return c;
            if (preRank == 0) {
                c = preLetter.compareTo(o.preLetter);
                if (c != 0) return c;
                c = preNumber.compareTo(o.preNumber);
                if (c != 0) return c;
            }
            c = compareAbsentLow(post, o.post);
            if (c != 0) return c;
            c = compareAbsentHigh(dev, o.dev);
            if (c != 0) return c;
            return compareLocal(local, o.local);
        }

        private static int compareAbsentLow(BigInteger x, BigInteger y) {
            if (x == null || y == null) return x == y ? 0 : (x == null ? -1 : 1);
            return x.compareTo(y);
        }

        private static int compareAbsentHigh(BigInteger x, BigInteger y) {
            if (x == null || y == null) return x == y ? 0 : (x == null ? 1 : -1);
            return x.compareTo(y);
        }

        /** No local label sorts first; numeric segments sort after alphanumeric ones. */
        private static int compareLocal(List<String> x, List<String> y) {
            if (x == null || y == null) return x == y ? 0 : (x == null ? -1 : 1);
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                String p = x.get(i);
                String q = y.get(i);
                boolean np = p.chars().allMatch(Character::isDigit);
                boolean nq = q.chars().allMatch(Character::isDigit);
                int c;
                if (np && nq) c = new BigInteger(p).compareTo(new BigInteger(q));
                else if (np != nq) c = np ? 1 : -1;
                else c = p.compareTo(q);
                if (c != 0) return c;
            }
            return Integer.compare(x.size(), y.size());
        }
    }
}
