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

        boolean mayMatch(String text) {
            return containsAny(text, markers) && (alsoNeeds == '\0' || text.indexOf(alsoNeeds) >= 0);
        }
    }

    /** A credential found in a text, with its char offsets. */
    record Match(String kind, int start, int end) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("an AWS access key id", "\\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b", "AKIA", "ASIA", "ABIA", "ACCA"),
            new Kind("a GitHub token", "\\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})", "gh", "github_pat_"),
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

    /** A text must hold one of these (every format's markers) before any format is tried. */
    private static final List<String> MARKERS = List.of("AKIA", "ASIA", "ABIA", "ACCA", "gh", "github_pat_", "glpat-", "xox",
            "hooks.slack.com", "PRIVATE KEY", "k_live_", "AIza", "npm_", "pypi-", "dckr_pat_", "://");

    /** The markers by their first character (all are ASCII), so that each position of a text is tried once. */
    private static final String[][] MARKERS_BY_START = new String[128][];

    static {
        for (String m : MARKERS) {
            String[] known = MARKERS_BY_START[m.charAt(0)];
            String[] more = known == null ? new String[1] : Arrays.copyOf(known, known.length + 1);
            more[more.length - 1] = m;
            MARKERS_BY_START[m.charAt(0)] = more;
        }
    }

    private SecretValues() {
    }

    static Optional<Match> find(String text) {
        if (text == null || text.length() < 16 || !holdsMarker(text)) return Optional.empty();
        for (Kind k : KINDS) {
            if (!k.mayMatch(text)) continue;
            Matcher m = k.pattern().matcher(text);
            while (m.find()) {
                if (m.group().endsWith("EXAMPLE") || isPlaceholder(k, m.group())) continue;
                return Optional.of(new Match(k.name(), m.start(), m.end()));
            }
        }
        return Optional.empty();
    }

    /** {@code containsAny(text, MARKERS)} in one pass over the text: most characters start no marker. */
    private static boolean holdsMarker(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String[] starting = c < MARKERS_BY_START.length ? MARKERS_BY_START[c] : null;
            if (starting == null) continue;
            for (String m : starting) if (text.startsWith(m, i)) return true;
        }
        return false;
    }

    private static boolean containsAny(String text, List<String> markers) {
        for (String m : markers) if (text.contains(m)) return true;
        return false;
    }

    /** {@code user:password@}, {@code user:pass@}, {@code user:xxx@} placeholders in documentation. */
    private static boolean isPlaceholder(Kind k, String match) {
        if (!k.name().contains("URL")) return false;
        String cred = match.substring(match.indexOf("://") + 3, match.lastIndexOf('@'));
        String pass = cred.substring(cred.indexOf(':') + 1).toLowerCase(java.util.Locale.ROOT);
        return PLACEHOLDER.matcher(pass).matches();
    }
}
