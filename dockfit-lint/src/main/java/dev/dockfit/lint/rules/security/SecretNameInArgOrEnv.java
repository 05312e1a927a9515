package dev.dockfit.lint.rules.security;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

@RuleDoc(id = "DF500", title = "Secret-like name in ARG or ENV", severity = Severity.WARNING,
        practice = Practice.SECURITY,
        why = "ENV values are stored in the image config and ARG values in its history: anyone who can pull the "
                + "image can read them. Pass secrets with RUN --mount=type=secret instead.",
        bad = """
                FROM alpine:3.20
                ARG GITHUB_TOKEN
                RUN wget --header="Authorization: token $GITHUB_TOKEN" -qO /tmp/x https://example.com/x
                """,
        good = """
                FROM alpine:3.20
                RUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN \\
                    wget --header="Authorization: token $GITHUB_TOKEN" -qO /tmp/x https://example.com/x
                """,
        buildkit = "SecretsUsedInArgOrEnv")
public final class SecretNameInArgOrEnv extends Rule {
    /** BuildKit's tokens, matched as a whole name or a {@code _}-separated part of it, case-insensitive. */
    private static final Pattern DENY = Pattern.compile(
            "(?i)(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)");
    private static final String[] DENIED_WORDS = {"apikey", "auth", "credential", "key", "password", "pword",
        "passwd", "secret", "token"};
    /**
     * BuildKit allows {@code public}; dockfit also allows parts saying the value is not the secret itself:
     * a public-key fingerprint ({@code GPG_KEY}), a file or location holding it ({@code DB_PASSWORD_FILE},
     * {@code TOKEN_URL}), or a setting about it ({@code AUTH_TYPE}).
     */
    private static final Pattern ALLOW = Pattern.compile("(?i)(?:_|^)(?:public|gpg|pgp|file|path|dir|url|uri|"
            + "endpoint|host|type|method|mode|enabled|enable|disabled|name|length|ttl|timeout|expiry)(?:_|$)");

    @Override
    public void check(LintContext ctx) {
        List<Instruction> envs = ctx.instructions("ENV");
        for (int n = 0; n < envs.size(); n++) {
            Instruction in = envs.get(n);
            List<Arg> args = in.args();
            for (int k = 0; k + 1 < args.size(); k += 3) {
                Arg key = args.get(k);
                if (key.span() != null && isSecretName(key.value())) report(ctx, in, key.value(), key.span());
            }
        }
        List<Instruction> argInstructions = ctx.instructions("ARG");
        for (int n = 0; n < argInstructions.size(); n++) {
            Instruction in = argInstructions.get(n);
            List<Arg> args = in.args();
            for (int k = 0; k < args.size(); k++) {
                Arg a = args.get(k);
                if (a.span() == null) continue;
                int eq = a.value().indexOf('=');
                String name = eq >= 0 ? a.value().substring(0, eq) : a.value();
                if (!isSecretName(name)) continue; // the span's end is worked out for a finding only
                int len = name.getBytes(StandardCharsets.UTF_8).length;
                report(ctx, in, name, new Span(a.span().start(), Math.min(a.span().end(), a.span().start() + len)));
            }
        }
    }

    static boolean isSecretName(String name) {
        return mayBeDenied(name) && DENY.matcher(name).find() && !ALLOW.matcher(name).find();
    }

    /** The first letters of {@link #DENIED_WORDS}, in either case (DENY folds ASCII letters only). */
    private static boolean startsDeniedWord(char c) {
        char lower = (char) (c | 0x20);
        return c < 0x80 && (lower == 'a' || lower == 'c' || lower == 'k' || lower == 'p' || lower == 's' || lower == 't');
    }

    /** A quick no for most names, without a regex: {@link #DENY} needs one of its words at the start or after '_'. */
    private static boolean mayBeDenied(String name) {
        int at = 0;
        while (true) {
            if (at < name.length() && startsDeniedWord(name.charAt(at))) {
                for (String word : DENIED_WORDS) if (name.regionMatches(true, at, word, 0, word.length())) return true;
            }
            int underscore = name.indexOf('_', at);
            if (underscore < 0) return false;
            at = underscore + 1;
        }
    }

    private static void report(LintContext ctx, Instruction in, String name, Span span) {
        ctx.report(span, in.keyword() + " " + name + " looks like a secret and would be kept in the image: "
                + "use RUN --mount=type=secret,id=" + name.toLowerCase(java.util.Locale.ROOT) + ",env=" + name
                + " where it is needed");
    }
}
