package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.CommandOperands;
import dev.dockfit.lint.support.PackageCommands;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

@RuleDoc(id = "DF714", title = "yum, dnf or zypper package without a version", severity = Severity.WARNING,
        practice = Practice.MAINTAINABILITY,
        why = "Pinned versions make rebuilds repeatable. Opt-in: a pin breaks the build when the repository "
                + "drops that version, which for most distributions happens at every update.",
        bad = """
                FROM rockylinux:9
                RUN dnf install -y httpd && dnf clean all
                """,
        good = """
                FROM rockylinux:9
                RUN dnf install -y httpd-2.4.62 && dnf clean all
                """,
        hadolint = {"DL3033", "DL3041", "DL3037"}, enabledByDefault = false)
public final class UnpinnedRpmPackages extends Rule {
    /** Varargs arguments made once (C1 allocates each call's array). */
    private static final String[] MANAGERS = {"yum", "dnf", "microdnf", "tdnf", "zypper"};
    private static final Pattern RPM_VERSION = Pattern.compile(".*-\\d.*");
    private static final Pattern ZYPPER_VERSION = Pattern.compile(".*[=<>].*");
    private static final Set<String> INSTALL = Set.of("install", "in");

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand(MANAGERS)) return; // reports only on these commands
        List<LintContext.RunCommand> found = ctx.runCommands(MANAGERS);
        for (int k = 0; k < found.size(); k++) {
            RunScript rs = found.get(k).script();
            SimpleCommand c = found.get(k).command();
            if (!PackageCommands.subcommandIn(c, INSTALL)) continue;
            boolean zypper = c.name().equals("zypper");
            for (ShellWord w : packages(c)) {
                String p = w.literal();
                boolean pinned = zypper ? ZYPPER_VERSION.matcher(p).matches() : RPM_VERSION.matcher(p).matches();
                if (pinned) continue;
                ctx.report(rs.span(w), "pin " + p + " to a version (" + (zypper ? p + "=<version>"
                        : p + "-<version>") + ")");
            }
        }
    }

    /** The package words after the subcommand: no local files, URLs, groups or variables. */
    private static List<ShellWord> packages(SimpleCommand c) {
        return CommandOperands.after(c, INSTALL, PackageCommands.VALUE_OPTIONS).stream()
                .filter(w -> w.isLiteral() && !w.literal().startsWith("@") && !w.literal().contains("/")
                        && !w.literal().endsWith(".rpm"))
                .toList();
    }
}
