package dev.dockfit.lint.rules.security;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.PipCommand;
import dev.dockfit.lint.support.RunScript;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

@RuleDoc(id = "DF502", title = "TLS certificate verification disabled", severity = Severity.WARNING,
        practice = Practice.SECURITY,
        why = "Without certificate checks anyone on the network path (a proxy, a hijacked mirror) can swap what "
                + "the build downloads. Install the CA certificate you need instead (update-ca-certificates).",
        bad = """
                FROM debian:bookworm-slim
                RUN curl -fsSLk -o /tmp/tool.tgz https://example.com/tool.tgz
                """,
        good = """
                FROM debian:bookworm-slim
                COPY corp-ca.crt /usr/local/share/ca-certificates/
                RUN update-ca-certificates && curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz
                """)
public final class TlsVerificationDisabled extends Rule {
    private static final Pattern FALSE = Pattern.compile("false|0");
    private static final Pattern NPM_STRICT_SSL_OFF = Pattern.compile("strict-ssl=(false|0)");
    private static final Pattern NPM_STRICT_SSL_FLAG_OFF = Pattern.compile("--strict-ssl=(false|0)");
    private static final Pattern OFF = Pattern.compile("false|0|no|off");
    private static final Pattern GIT_SSLVERIFY = Pattern.compile("http\\..*sslverify");
    private static final Pattern APT_VERIFY_OFF =
            Pattern.compile("acquire::https?::(.*::)?verify-(peer|host)=(false|0|no)");
    /** The environment variables {@link #envDisables} knows. */
    private static final String[] VARIABLES = {"NODE_TLS_REJECT_UNAUTHORIZED", "GIT_SSL_NO_VERIFY",
        "PYTHONHTTPSVERIFY", "NPM_CONFIG_STRICT_SSL", "YARN_STRICT_SSL", "PIP_TRUSTED_HOST"};
    private static final Pattern GIT_SSLVERIFY_OFF = Pattern.compile("http\\..*sslverify=(false|0|no|off)");

    @Override
    public void check(LintContext ctx) {
        List<Instruction> all = ctx.instructions();
        for (int i = 0; i < all.size(); i++) {
            Instruction in = all.get(i);
            if (in.is("ENV")) {
                for (int k = 0; k + 1 < in.args().size(); k += 3) {
                    Arg key = in.args().get(k);
                    if (!mayName(key.value(), key.value().length())) continue; // a quick no, before the expansion
                    String value = ctx.model().expand(in, in.args().get(k + 1).value())
                            .map(e -> e.value()).orElse(in.args().get(k + 1).value());
                    envDisables(key.value(), value).ifPresent(m -> ctx.report(key.span(), m));
                }
            } else if (in.is("ARG")) {
                List<Arg> args = in.args();
                for (int k = 0; k < args.size(); k++) {
                    Arg a = args.get(k);
                    int eq = a.value().indexOf('=');
                    if (eq < 0 || a.span() == null || !mayName(a.value(), eq)) continue;
                    String name = a.value().substring(0, eq);
                    String value = ctx.model().expand(in, a.value().substring(eq + 1)).map(e -> e.value()).orElse("");
                    int len = name.getBytes(StandardCharsets.UTF_8).length;
                    envDisables(name, value).ifPresent(m ->
                            ctx.report(new Span(a.span().start(), a.span().start() + len), m));
                }
            } else if (in.is("RUN")) {
                List<RunScript> scripts = ctx.scripts(in);
                for (int s = 0; s < scripts.size(); s++) {
                    List<SimpleCommand> commands = scripts.get(s).script().commands();
                    for (int c = 0; c < commands.size(); c++) checkCommand(ctx, scripts.get(s), commands.get(c));
                }
            }
        }
    }

    private static void checkCommand(LintContext ctx, RunScript rs, SimpleCommand c) {
        List<ShellWord> assignments = c.assignments();
        for (int i = 0; i < assignments.size(); i++) assignment(ctx, rs, assignments.get(i));
        String name = c.name(); // "" for a command of only assignments: no case below, and pip's check says no
        // the argument list is asked for only by the cases below that loop over it (most commands match none)
        switch (name) {
            case "export" -> {
                List<ShellWord> args = c.args();
                for (int i = 0; i < args.size(); i++) assignment(ctx, rs, args.get(i));
            }
            case "curl" -> {
                if (c.hasFlag("-k", "--insecure", "--proxy-insecure")) {
                    report(ctx, rs, c, w -> w.equals("--insecure") || w.equals("--proxy-insecure")
                            || isShortCluster(w) && w.indexOf('k') > 0, "remove -k/--insecure from curl");
                }
            }
            case "wget" -> {
                if (c.hasFlag("--no-check-certificate")) {
                    report(ctx, rs, c, w -> w.equals("--no-check-certificate"),
                            "remove --no-check-certificate from wget");
                }
            }
            case "git" -> {
                List<ShellWord> args = c.args();
                for (int i = 0; i < args.size(); i++) {
                    String l = args.get(i).literal().toLowerCase(Locale.ROOT);
                    // both regexes need "sslverify": most words skip them (hot: per git argument)
                    boolean sslVerifyOff = l.contains("sslverify") && (GIT_SSLVERIFY_OFF.matcher(l).matches()
                            || GIT_SSLVERIFY.matcher(l).matches() && i + 1 < args.size()
                            && OFF.matcher(args.get(i + 1).literal().toLowerCase(Locale.ROOT)).matches());
                    if (sslVerifyOff) {
                        ctx.report(rs.span(args.get(i)), "do not set http.sslVerify=false for git");
                        return;
                    }
                }
            }
            case "npm", "yarn", "pnpm" -> {
                List<ShellWord> args = c.args();
                for (int i = 0; i < args.size(); i++) {
                    String l = args.get(i).literal().toLowerCase(Locale.ROOT);
                    // every alternative needs "strict-ssl": most words skip the regexes (hot: per npm argument)
                    boolean off = l.contains("strict-ssl") && (NPM_STRICT_SSL_FLAG_OFF.matcher(l).matches()
                            || NPM_STRICT_SSL_OFF.matcher(l).matches()
                            || (l.equals("strict-ssl") || l.equals("--strict-ssl")) && i + 1 < args.size()
                            && FALSE.matcher(args.get(i + 1).literal()).matches());
                    if (off) {
                        ctx.report(rs.span(args.get(i)), "do not turn off " + name + "'s strict-ssl");
                        return;
                    }
                }
            }
            case "composer" -> {
                if (c.hasArg("disable-tls") || c.hasArg("secure-http") && c.hasArg("false")) {
                    report(ctx, rs, c, w -> w.equals("disable-tls") || w.equals("secure-http"),
                            "do not disable composer's TLS checks");
                }
            }
            case "apt-get", "apt" -> {
                // "::" first: lower-casing changes no ':', and most words hold none
                report(ctx, rs, c,
                        w -> w.contains("::") && APT_VERIFY_OFF.matcher(w.toLowerCase(Locale.ROOT)).matches(),
                        "do not turn off apt's certificate checks (Verify-Peer/Verify-Host)");
            }
            default -> {
                List<ShellWord> pip = PipCommand.args(c);
                if (!pip.isEmpty()) {
                    for (int i = 0; i < pip.size(); i++) {
                        ShellWord w = pip.get(i);
                        String l = w.literal();
                        if (l.equals("--trusted-host") || l.startsWith("--trusted-host=")
                                || l.equals("global.trusted-host")) {
                            ctx.report(rs.span(w), "remove --trusted-host: it turns off TLS checks for that host");
                            return;
                        }
                    }
                }
            }
        }
    }

    private static void report(LintContext ctx, RunScript rs, SimpleCommand c,
                               java.util.function.Predicate<String> word, String message) {
        List<ShellWord> args = c.args();
        for (int i = 0; i < args.size(); i++) {
            ShellWord w = args.get(i);
            if (w.literal().equals("--")) return;
            if (word.test(w.literal())) {
                ctx.report(rs.span(w), message);
                return;
            }
        }
    }

    private static boolean isShortCluster(String w) {
        return w.length() >= 2 && w.charAt(0) == '-' && w.charAt(1) != '-';
    }

    private static void assignment(LintContext ctx, RunScript rs, ShellWord w) {
        String l = w.literal();
        int eq = l.indexOf('=');
        if (eq <= 0 || !mayName(l, eq)) return;
        envDisables(l.substring(0, eq), l.substring(eq + 1)).ifPresent(m -> ctx.report(rs.span(w), m));
    }

    /**
     * False when {@code text.substring(0, end)} is none of {@link #VARIABLES} in any case: a quick no, without a
     * copy, for most names. A non-ASCII name may still upper-case to one ({@code ı} to {@code I}): true for those.
     */
    private static boolean mayName(String text, int end) {
        for (String v : VARIABLES) if (v.length() == end && text.regionMatches(true, 0, v, 0, end)) return true;
        for (int i = 0; i < end; i++) if (text.charAt(i) >= 0x80) return true;
        return false;
    }

    /** The variables that turn certificate checks off, and the message when this one does. */
    static Optional<String> envDisables(String name, String value) {
        if (!mayName(name, name.length())) return Optional.empty();
        String v = value.strip().toLowerCase(Locale.ROOT);
        switch (name.toUpperCase(Locale.ROOT)) {
            case "NODE_TLS_REJECT_UNAUTHORIZED":
                return v.equals("0") ? Optional.of("NODE_TLS_REJECT_UNAUTHORIZED=0 turns off Node's TLS checks: "
                        + "add the CA with NODE_EXTRA_CA_CERTS instead") : Optional.empty();
            case "GIT_SSL_NO_VERIFY":
                // git disables verification when the variable is set at all
                return Optional.of("GIT_SSL_NO_VERIFY turns off git's TLS checks: add the CA to the system store");
            case "PYTHONHTTPSVERIFY":
                return v.equals("0") ? Optional.of("PYTHONHTTPSVERIFY=0 turns off Python's TLS checks")
                        : Optional.empty();
            case "NPM_CONFIG_STRICT_SSL", "YARN_STRICT_SSL":
                return v.equals("false") || v.equals("0") ? Optional.of(name + "=" + value
                        + " turns off TLS checks: add the CA with NODE_EXTRA_CA_CERTS instead") : Optional.empty();
            case "PIP_TRUSTED_HOST":
                return v.isEmpty() ? Optional.empty()
                        : Optional.of("PIP_TRUSTED_HOST turns off pip's TLS checks for " + value);
            default:
                return Optional.empty();
        }
    }
}
