package dev.dockfit.lint.rules.security;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.Names;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Locale;
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
public final class SignatureCheckDisabled extends Rule {
    private static final Pattern GPGCHECK_OFF = Pattern.compile("--setopt=(.*\\.)?(repo_)?gpgcheck=(0|false|no)");
    private static final Pattern APT_INSECURE_REPOS = Pattern.compile("acquire::allowinsecurerepositories=(true|1|yes)");
    private static final Pattern APT_UNAUTHENTICATED = Pattern.compile("apt::get::allowunauthenticated=(true|1|yes)");

    /** The commands {@link #disabling} knows options of. */
    private static final String[] COMMAND_NAMES = {"apt-get", "apt", "aptitude", "apk", "echo", "printf", "tee",
        "yum", "dnf", "microdnf", "tdnf", "zypper", "rpm"};
    private static final Names COMMANDS = Names.of(COMMAND_NAMES);

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand(COMMAND_NAMES)) return;
        List<Instruction> runs = ctx.instructions("RUN");
        for (int i = 0; i < runs.size(); i++) {
            Instruction run = runs.get(i);
            List<RunScript> scripts = ctx.scripts(run);
            for (int s = 0; s < scripts.size(); s++) {
                List<SimpleCommand> commands = scripts.get(s).script().commands();
                for (int k = 0; k < commands.size(); k++) check(ctx, scripts.get(s), commands.get(k));
            }
        }
    }

    private static void check(LintContext ctx, RunScript rs, SimpleCommand c) {
        if (!COMMANDS.contains(c.name())) return;
        if (c.name().equals("apk") && installsOnlyLocalFiles(c)) return;
        // which arguments mayDisable passes, worked out once per command rather than per argument (hot)
        boolean sourceLine = isSourceLineWriter(c.name());
        boolean apt = isApt(c.name());
        List<ShellWord> args = c.args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i).literal();
            if (!mayDisable(sourceLine, apt, arg)) continue;
            String why = disabling(c.name(), arg);
            if (why != null) {
                ctx.report(rs.span(args.get(i)), why);
                return;
            }
        }
    }

    private static boolean isSourceLineWriter(String command) {
        return command.equals("echo") || command.equals("printf") || command.equals("tee");
    }

    private static boolean isApt(String command) {
        return command.equals("apt-get") || command.equals("apt") || command.equals("aptitude");
    }

    /**
     * False when {@link #disabling} surely answers null, without lower-casing the word: every option it knows
     * starts with '-', holds "::" (apt's -o values) or, for an apt source line, '=' (case changes no such char).
     */
    private static boolean mayDisable(boolean sourceLine, boolean apt, String arg) {
        if (sourceLine) return arg.indexOf('=') >= 0;
        return arg.startsWith("-") || apt && arg.contains("::");
    }

    /** {@code apk add --allow-untrusted /tmp/pkgs/*.apk}: local packages (built in this build), not downloaded. */
    private static boolean installsOnlyLocalFiles(SimpleCommand c) {
        List<String> args = c.argLiterals();
        boolean anyPackage = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-") || a.equals("add")) continue;
            if (!a.startsWith("/") && !a.startsWith("./")) return false;
            anyPackage = true;
        }
        return anyPackage;
    }

    /** False when neither apt option regex can match: both hold "::" (most words are flags such as -y). */
    private static boolean mayBeAptOption(String lowerCased) {
        return lowerCased.contains("::");
    }

    /** What the option turns off for this command, or null. */
    private static String disabling(String command, String arg) {
        String a = arg.toLowerCase(Locale.ROOT);
        switch (command) {
            case "apt-get", "apt", "aptitude":
                if (a.equals("--allow-unauthenticated") || a.equals("--force-yes")
                        || a.equals("--allow-insecure-repositories")
                        || mayBeAptOption(a) && (APT_UNAUTHENTICATED.matcher(a).matches()
                        || APT_INSECURE_REPOS.matcher(a).matches())) {
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
                return a.equals("--nogpgcheck") || a.startsWith("--setopt=") && GPGCHECK_OFF.matcher(a).matches()
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
