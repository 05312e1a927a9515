package dev.dockfit.lint.rules.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Well-known credential formats, recognised by their fixed prefixes and lengths. */
final class SecretValues {
    private static final Pattern PLACEHOLDER = Pattern.compile("pass(word)?|x+|\\*+|secret|changeme|<.*>|\\{.*\\}");
    /**
     * One credential format, the name it is reported under, and the substrings every match of it contains (most
     * words contain none, and skip the regex).
     */
    record Kind(String name, Pattern pattern, List<String> markers, char alsoNeeds) {
        Kind(String name, String regex, String... markers) {
            this(name, Pattern.compile(regex), List.of(markers), '\0');
        }
    }

    /** A credential found in a text, with its char offsets. */
    record Match(String kind, int start, int end) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("an AWS access key id", "\\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b", "AKIA", "ASIA", "ABIA", "ACCA"),
            new Kind("a GitHub token", "\\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})",
                    "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
            new Kind("a GitLab token", "\\bglpat-[A-Za-z0-9_-]{20,}", "glpat-"),
            new Kind("a Slack token", "\\bxox[abposr]-[A-Za-z0-9-]{10,}", "xox"),
            new Kind("a Slack webhook", "hooks\\.slack\\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+", "hooks.slack.com"),
            new Kind("a private key", "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----", "PRIVATE KEY"),
            new Kind("a Stripe live key", "\\b[rs]k_live_[0-9a-zA-Z]{24,}", "k_live_"),
            new Kind("a Google API key", "\\bAIza[0-9A-Za-z_-]{35}", "AIza"),
            new Kind("an npm token", "\\bnpm_[A-Za-z0-9]{36}\\b", "npm_"),
            new Kind("a PyPI token", "\\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}", "pypi-"),
            new Kind("a Docker Hub token", "\\bdckr_pat_[A-Za-z0-9_-]{27,}", "dckr_pat_"),
            new Kind("a password in a URL", Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^/\\s:@$]+:[^/\\s@$]+@[^\\s/]"),
                    List.of("://"), '@'));

    /** Every format's markers; a text's markers are found in one pass, as one bit each (at most 32). */
    private static final List<String> MARKERS = KINDS.stream().flatMap(k -> k.markers().stream()).distinct().toList();
    /** The bits of each format's markers, in the order of {@link #KINDS}. */
    private static final int[] KIND_MARKERS = new int[KINDS.size()];
    /** The markers by their first character (all are ASCII), so that each position of a text is tried once. */
    private static final String[][] MARKERS_BY_START = new String[128][];
    private static final int[][] MARKER_BITS_BY_START = new int[128][];
    /** The second character of each of {@link #MARKERS_BY_START} (every marker has one), compared before the call. */
    private static final char[][] MARKER_SECONDS_BY_START = new char[128][];
    /** One bit per pair of ASCII characters ({@code first << 7 | second}) that starts a marker. */
    private static final long[] MARKER_STARTS = new long[128 * 128 / Long.SIZE];

    static {
        if (MARKERS.size() > Integer.SIZE) throw new IllegalStateException("more markers than bits");
        for (String m : MARKERS) if (m.length() < 2) throw new IllegalStateException("marker shorter than 2: " + m);
        for (int k = 0; k < KINDS.size(); k++) {
            for (String m : KINDS.get(k).markers()) KIND_MARKERS[k] |= 1 << MARKERS.indexOf(m);
        }
        for (int bit = 0; bit < MARKERS.size(); bit++) {
            String m = MARKERS.get(bit);
            String[] known = MARKERS_BY_START[m.charAt(0)];
            int n = known == null ? 0 : known.length;
            MARKERS_BY_START[m.charAt(0)] = known == null ? new String[1] : Arrays.copyOf(known, n + 1);
            MARKERS_BY_START[m.charAt(0)][n] = m;
            int[] bits = MARKER_BITS_BY_START[m.charAt(0)];
            MARKER_BITS_BY_START[m.charAt(0)] = bits == null ? new int[1] : Arrays.copyOf(bits, n + 1);
            MARKER_BITS_BY_START[m.charAt(0)][n] = 1 << bit;
            char[] seconds = MARKER_SECONDS_BY_START[m.charAt(0)];
            MARKER_SECONDS_BY_START[m.charAt(0)] = seconds == null ? new char[1] : Arrays.copyOf(seconds, n + 1);
            MARKER_SECONDS_BY_START[m.charAt(0)][n] = m.charAt(1);
            int pair = m.charAt(0) << 7 | m.charAt(1);
            MARKER_STARTS[pair >>> 6] |= 1L << pair;
        }
    }

    private SecretValues() {
    }

    /** The fewest characters any credential format has: a shorter text holds none. */
    static final int SHORTEST = 16;

    static Optional<Match> find(String text) {
        if (text == null || text.length() < SHORTEST) return Optional.empty();
        int markers = markersIn(text);
        if (markers == 0) return Optional.empty();
        for (int k = 0; k < KINDS.size(); k++) {
            Kind kind = KINDS.get(k);
            if ((markers & KIND_MARKERS[k]) == 0) continue;
            if (kind.alsoNeeds() != '\0' && text.indexOf(kind.alsoNeeds()) < 0) continue;
            Matcher m = kind.pattern().matcher(text);
            while (m.find()) {
                if (m.group().endsWith("EXAMPLE") || isPlaceholder(kind, m.group())) continue;
                return Optional.of(new Match(kind.name(), m.start(), m.end()));
            }
        }
        return Optional.empty();
    }

    /** The bits of the markers the text holds, in one pass over it: most characters start no marker. */
    private static int markersIn(String text) {
        int found = 0;
        int last = text.length() - 1; // a marker starts before the last character: it has two or more
        char next = text.charAt(0); // find asks only of texts of SHORTEST characters or more
        for (int i = 0; i < last; i++) {
            char c = next;
            next = text.charAt(i + 1);
            // hot: per character of long words; one bit of a table rules out almost every pair of characters
            int pair = c << 7 | next;
            if ((c | next) >= 128 || (MARKER_STARTS[pair >>> 6] & 1L << pair) == 0) continue;
            String[] starting = MARKERS_BY_START[c];
            char[] seconds = MARKER_SECONDS_BY_START[c];
            for (int j = 0; j < starting.length; j++) {
                if (seconds[j] == next && text.startsWith(starting[j], i)) found |= MARKER_BITS_BY_START[c][j];
            }
        }
        return found;
    }

    /** {@code user:password@}, {@code user:pass@}, {@code user:xxx@} placeholders in documentation. */
    private static boolean isPlaceholder(Kind k, String match) {
        if (!k.name().contains("URL")) return false;
        String cred = match.substring(match.indexOf("://") + 3, match.lastIndexOf('@'));
        String pass = cred.substring(cred.indexOf(':') + 1).toLowerCase(java.util.Locale.ROOT);
        return PLACEHOLDER.matcher(pass).matches();
    }
}
