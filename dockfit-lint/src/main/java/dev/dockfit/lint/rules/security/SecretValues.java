package dev.dockfit.lint.rules.security;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Well-known credential formats, recognised by their fixed prefixes and lengths. */
final class SecretValues {
    private static final Pattern PLACEHOLDER = Pattern.compile("pass(word)?|x+|\\*+|secret|changeme|<.*>|\\{.*\\}");
    /** One credential format and the name it is reported under. */
    record Kind(String name, Pattern pattern) {
    }

    /** A credential found in a text, with its char offsets. */
    record Match(String kind, int start, int end) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("an AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b")),
            new Kind("a GitHub token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})")),
            new Kind("a GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}")),
            new Kind("a Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}")),
            new Kind("a Slack webhook", Pattern.compile("hooks\\.slack\\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+")),
            new Kind("a private key", Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")),
            new Kind("a Stripe live key", Pattern.compile("\\b[rs]k_live_[0-9a-zA-Z]{24,}")),
            new Kind("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}")),
            new Kind("an npm token", Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b")),
            new Kind("a PyPI token", Pattern.compile("\\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}")),
            new Kind("a Docker Hub token", Pattern.compile("\\bdckr_pat_[A-Za-z0-9_-]{27,}")),
            new Kind("a password in a URL", Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^/\\s:@$]+:[^/\\s@$]+@[^\\s/]")));

    private SecretValues() {
    }

    /** Substrings every format contains: most words have none, and skip the regexes. */
    private static final List<String> MARKERS = List.of("AKIA", "ASIA", "ABIA", "ACCA", "gh", "glpat-", "xox",
            "hooks.slack.com", "PRIVATE KEY", "k_live_", "AIza", "npm_", "pypi-", "dckr_pat_", "://");

    static Optional<Match> find(String text) {
        if (text == null || text.length() < 16 || MARKERS.stream().noneMatch(text::contains)) return Optional.empty();
        for (Kind k : KINDS) {
            Matcher m = k.pattern().matcher(text);
            while (m.find()) {
                if (m.group().endsWith("EXAMPLE") || isPlaceholder(k, m.group())) continue;
                return Optional.of(new Match(k.name(), m.start(), m.end()));
            }
        }
        return Optional.empty();
    }

    /** {@code user:password@}, {@code user:pass@}, {@code user:xxx@} placeholders in documentation. */
    private static boolean isPlaceholder(Kind k, String match) {
        if (!k.name().contains("URL")) return false;
        String cred = match.substring(match.indexOf("://") + 3, match.lastIndexOf('@'));
        String pass = cred.substring(cred.indexOf(':') + 1).toLowerCase(java.util.Locale.ROOT);
        return PLACEHOLDER.matcher(pass).matches();
    }
}
