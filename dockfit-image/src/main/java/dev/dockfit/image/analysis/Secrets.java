package dev.dockfit.image.analysis;

import dev.dockfit.image.fs.CaptureRule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A short list of precise secret patterns (no entropy guessing): files that are credentials by name and content,
 * and well-known token formats inside small candidate text files and ENV values.
 */
final class Secrets {
    static final long MAX_SCANNED = 64 * 1024;

    /**
     * Files worth reading: credential file names, key files, dotenv files, package-manager auth files. Plain string
     * tests on the last path segment, not a regular expression: this runs for every small file of every layer.
     */
    static final CaptureRule CANDIDATES = new CaptureRule("credential, key and dotenv files", Secrets::isCandidate,
            MAX_SCANNED);

    private static final Set<String> CANDIDATE_NAMES = Set.of("id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".npmrc",
            ".pypirc", ".netrc", ".git-credentials", ".vault-token");

    /**
     * Whether an absolute path names a credential file: {@code .env} and {@code .env.*}, {@code *.pem}, {@code *.key},
     * {@code *.p8}, SSH private keys, package-manager and git auth files, {@code .aws/credentials},
     * {@code .docker/config.json}, {@code *credentials*.json}, {@code *service-account*.json} (or {@code _}).
     */
    static boolean isCandidate(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) return false;
        String name = path.substring(slash + 1);
        int n = name.length();
        if (name.equals(".env") || (n > 5 && name.startsWith(".env."))) return true;
        if (name.endsWith(".pem") || name.endsWith(".key") || name.endsWith(".p8")) return true;
        if (CANDIDATE_NAMES.contains(name)) return true;
        if (path.endsWith("/.aws/credentials") || path.endsWith("/.docker/config.json")) return true;
        return name.endsWith(".json") && (endsBefore(name, "credentials", n - 5)
                || endsBefore(name, "service-account", n - 5) || endsBefore(name, "service_account", n - 5));
    }

    /** Whether {@code part} occurs in {@code name} ending at or before {@code end} (its first occurrence ends first). */
    private static boolean endsBefore(String name, String part, int end) {
        int at = name.indexOf(part);
        return at >= 0 && at + part.length() <= end;
    }

    /**
     * A token format: the regex runs only when one of its literal anchors occurs in the text (a plain indexOf,
     * so scanning clean files costs little); {@code anywhere} false keeps costly or context-bound patterns to
     * files that are credential files by name.
     */
    private record TokenPattern(String kind, Pattern pattern, boolean anywhere, String... anchors) {
        boolean mayMatch(String text) {
            for (String a : anchors) if (text.contains(a)) return true;
            return false;
        }
    }

    private static final List<TokenPattern> TOKENS = List.of(
            new TokenPattern("private key", Pattern.compile(
                    "-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"), true, "-----BEGIN "),
            new TokenPattern("AWS access key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), true, "AKIA", "ASIA"),
            new TokenPattern("GitHub token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\\b"),
                    true, "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
            new TokenPattern("GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20}\\b"), true, "glpat-"),
            new TokenPattern("Slack token", Pattern.compile("\\bxox[baprs]-[0-9A-Za-z-]{10,}"), true, "xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-"),
            new TokenPattern("npm token", Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b|_authToken=[^\\s$]+"), true, "npm_", "_authToken="),
            new TokenPattern("AWS secret key", Pattern.compile("(?i)aws_secret_access_key\\s*=\\s*[A-Za-z0-9/+=]{40}"), true,
                    "aws_secret_access_key", "AWS_SECRET_ACCESS_KEY"),
            new TokenPattern("Stripe key", Pattern.compile("\\bsk_live_[0-9a-zA-Z]{24,}\\b"), true, "sk_live_"),
            new TokenPattern("Google service account key", Pattern.compile(
                    "\"type\"\\s*:\\s*\"service_account\"[\\s\\S]*\"private_key\""), false, "service_account"),
            new TokenPattern("registry credentials", Pattern.compile("\"auth\"\\s*:\\s*\"[A-Za-z0-9+/=]{8,}\""), false, "\"auth\""),
            new TokenPattern("password in .netrc", Pattern.compile("(?m)^\\s*machine\\s+\\S+[\\s\\S]*\\bpassword\\s+\\S+"), false, "password"),
            new TokenPattern("credentials in URL", Pattern.compile("https?://[^\\s:/@]+:[^\\s@/]+@"), false, "://"));

    private static final Pattern SECRET_ENV_NAME = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?)$");
    private static final Pattern NOT_A_VALUE = Pattern.compile("(?i).*_(FILE|PATH|DIR|URL|URI|NAME|ID|LENGTH|TTL|HEADER)$");

    private Secrets() {
    }

    /** What kind of secret a candidate file holds, if any. */
    static Optional<String> inFile(String path, byte[] content) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String text = new String(content, StandardCharsets.UTF_8);
        Optional<String> token = token(text, false);
        if (token.isPresent()) return token;
        boolean dotenv = name.equals(".env") || (name.startsWith(".env.")
                && !name.matches("\\.env\\.(example|sample|template|dist|defaults?)"));
        if (dotenv && text.lines().anyMatch(l -> l.matches("\\s*(export\\s+)?[A-Za-z_][A-Za-z0-9_]*\\s*=\\s*\\S.*"))) {
            return Optional.of("dotenv file with values");
        }
        return Optional.empty();
    }

    /** The first token format found; {@code anywhereOnly} skips the patterns kept for credential files. */
    static Optional<String> token(String text, boolean anywhereOnly) {
        for (TokenPattern t : TOKENS) {
            if (anywhereOnly && !t.anywhere()) continue;
            if (t.mayMatch(text) && t.pattern().matcher(text).find()) return Optional.of(t.kind());
        }
        return Optional.empty();
    }

    /** ENV entries whose name says secret and whose value is set, or whose value is a known token. */
    static Optional<String> inEnv(String entry) {
        int eq = entry.indexOf('=');
        String name = eq < 0 ? entry : entry.substring(0, eq);
        String value = eq < 0 ? "" : entry.substring(eq + 1);
        if (value.isBlank()) return Optional.empty();
        Optional<String> token = token(value, false);
        if (token.isPresent()) return token;
        if (SECRET_ENV_NAME.matcher(name).matches() && !NOT_A_VALUE.matcher(name).matches()
                && !value.startsWith("/") && !value.startsWith("$")) {
            return Optional.of("secret-looking variable " + name);
        }
        return Optional.empty();
    }
}
