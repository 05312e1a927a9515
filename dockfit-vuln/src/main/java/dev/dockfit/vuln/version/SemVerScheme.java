package dev.dockfit.vuln.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Semantic Versioning 2.0.0 precedence: numeric major.minor.patch, then a pre-release sorts before
 * its release, pre-release identifiers compared numerically or in ASCII order (numeric first), build
 * metadata ignored. The Go flavour accepts the {@code v} prefix Go module versions carry; Go's
 * {@code +incompatible} is build metadata and its pseudo-versions ({@code v0.0.0-2023…-abcdef}) are
 * pre-releases, so both order correctly without special cases. Comparison is lenient like the
 * ecosystems' tools ({@code v}/{@code =} prefix, missing minor/patch read as 0); {@link #isValid} is strict.
 */
public final class SemVerScheme implements VersionScheme {

    private static final Pattern STRICT = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    private final boolean goPrefix;
    private final String name;

    private SemVerScheme(boolean goPrefix, String name) {
        this.goPrefix = goPrefix;
        this.name = name;
    }

    /** Plain SemVer 2 (npm, crates, OSV's SEMVER range type). */
    public static SemVerScheme semver() {
        return new SemVerScheme(false, "semver");
    }

    /** Go module versions: SemVer with a leading {@code v}. */
    public static SemVerScheme go() {
        return new SemVerScheme(true, "go");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isValid(String version) {
        if (version == null) return false;
        String v = version;
        if (goPrefix) {
            if (!v.startsWith("v")) return false;
            v = v.substring(1);
        }
        return STRICT.matcher(v).matches();
    }

    @Override
    public int compare(String a, String b) {
        Parsed pa = Parsed.of(a);
        Parsed pb = Parsed.of(b);
        int n = Math.max(pa.core.size(), pb.core.size());
        for (int i = 0; i < n; i++) {
            BigInteger x = i < pa.core.size() ? pa.core.get(i) : BigInteger.ZERO;
            BigInteger y = i < pb.core.size() ? pb.core.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) return c;
        }
        if (pa.pre.isEmpty() || pb.pre.isEmpty()) return Boolean.compare(pa.pre.isEmpty(), pb.pre.isEmpty());
        for (int i = 0; i < Math.min(pa.pre.size(), pb.pre.size()); i++) {
            int c = compareIdentifier(pa.pre.get(i), pb.pre.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(pa.pre.size(), pb.pre.size());
    }

    private static int compareIdentifier(String x, String y) {
        boolean nx = isNumeric(x);
        boolean ny = isNumeric(y);
        if (nx && ny) return new BigInteger(x).compareTo(new BigInteger(y));
        if (nx != ny) return nx ? -1 : 1;
        return Integer.signum(x.compareTo(y));
    }

    private static boolean isNumeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private record Parsed(List<BigInteger> core, List<String> pre) {
        static Parsed of(String version) {
            String v = version.strip();
            while (!v.isEmpty() && (v.charAt(0) == 'v' || v.charAt(0) == 'V' || v.charAt(0) == '=')) v = v.substring(1);
            int plus = v.indexOf('+');
            if (plus >= 0) v = v.substring(0, plus);
            int dash = v.indexOf('-');
            String core = dash >= 0 ? v.substring(0, dash) : v;
            List<String> pre = dash >= 0 ? List.of(v.substring(dash + 1).split("\\.", -1)) : List.of();
            List<BigInteger> numbers = new ArrayList<>();
            for (String part : core.split("\\.", -1)) {
                if (!isNumeric(part)) throw new IllegalArgumentException("not a semantic version: " + version);
                numbers.add(new BigInteger(part));
            }
            return new Parsed(numbers, pre);
        }
    }
}
