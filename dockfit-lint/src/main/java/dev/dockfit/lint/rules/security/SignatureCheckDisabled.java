package dev.dockfit.lint.rules.security;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

@RuleDoc(id = "DF503", title = "Package signature checks disabled", severity = Severity.WARNING,
        practice = Practice.SECURITY,
        why = "Package managers verify signatures so that a compromised mirror cannot serve altered packages; "
                + "turning that off installs whatever the network returns. Import the repository's key instead.",
        bad = """
                FROM alpine:3.20
                RUN apk add --no-cache --allow-untrusted --repository https://pkgs.example.com/alpine tool
                """,
        good = """
                FROM alpine:3.20
                COPY vendor.rsa.pub /etc/apk/keys/
                RUN apk add --no-cache --repository https://pkgs.example.com/alpine tool
                """)
public final class SignatureCheckDisabled implements Rule {
    private static final Pattern GPGCHECK_OFF = Pattern.compile("--setopt=(.*\\.)?(repo_)?gpgcheck=(0|false|no)");
    private static final Pattern APT_INSECURE_REPOS = Pattern.compile("acquire::allowinsecurerepositories=(true|1|yes)");
    private static final Pattern APT_UNAUTHENTICATED = Pattern.compile("apt::get::allowunauthenticated=(true|1|yes)");

    /** The commands {@link #disabling} knows options of. */
    private static final Set<String> COMMANDS = Set.of("apt-get", "apt", "aptitude", "apk", "echo", "printf", "tee",
            "yum", "dnf", "microdnf", "tdnf", "zypper", "rpm");

    @Override
    public void check(LintContext ctx) {
        for (Instruction run : ctx.instructions()) {
            if (!run.is("RUN")) continue;
            for (RunScript rs : ctx.scripts(run)) {
                for (SimpleCommand c : rs.script().commands()) {
                    if (!COMMANDS.contains(c.name())) continue;
                    String why = null;
                    ShellWord at = null;
                    if (c.name().equals("apk") && installsOnlyLocalFiles(c)) continue;
                    for (ShellWord w : c.args()) {
                        why = disabling(c.name(), w.literal());
                        if (why != null) {
                            at = w;
                            break;
                        }
                    }
                    if (at != null) ctx.report(rs.span(at), why);
                }
            }
        }
    }

    /** {@code apk add --allow-untrusted /tmp/pkgs/*.apk}: local packages (built in this build), not downloaded. */
    private static boolean installsOnlyLocalFiles(SimpleCommand c) {
        var packages = c.argLiterals().stream().filter(a -> !a.startsWith("-") && !a.equals("add")).toList();
        return !packages.isEmpty() && packages.stream().allMatch(a -> a.startsWith("/") || a.startsWith("./"));
    }

    /** What the option turns off for this command, or null. */
    private static String disabling(String command, String arg) {
        String a = arg.toLowerCase(Locale.ROOT);
        switch (command) {
            case "apt-get", "apt", "aptitude":
                if (a.equals("--allow-unauthenticated") || a.equals("--force-yes")
                        || a.equals("--allow-insecure-repositories")
                        || APT_UNAUTHENTICATED.matcher(a).matches()
                        || APT_INSECURE_REPOS.matcher(a).matches()) {
                    return "do not install unauthenticated packages (" + arg + "): add the repository's signing key";
                }
                return null;
            case "apk":
                return a.equals("--allow-untrusted")
                        ? "do not use --allow-untrusted: copy the signing key to /etc/apk/keys" : null;
            case "echo", "printf", "tee":
                // a local repository (file:) is built in the same build: nothing comes from the network
                return (a.contains("[trusted=yes]") || a.contains(" trusted=yes")) && !a.contains("file:")
                        ? "an apt source marked trusted=yes skips signature checks: add its signing key with "
                        + "signed-by= instead" : null;
            case "yum", "dnf", "microdnf", "tdnf":
                return a.equals("--nogpgcheck") || GPGCHECK_OFF.matcher(a).matches()
                        ? "do not skip GPG checks (" + arg + "): import the repository key with rpm --import" : null;
            case "zypper":
                return a.equals("--no-gpg-checks") || a.equals("--no-gpg-check")
                        ? "do not skip GPG checks (" + arg + "): import the repository key with rpm --import" : null;
            case "rpm":
                return a.equals("--nosignature") || a.equals("--nodigest")
                        ? "do not skip rpm verification (" + arg + "): import the key with rpm --import" : null;
            default:
                return null;
        }
    }
}
