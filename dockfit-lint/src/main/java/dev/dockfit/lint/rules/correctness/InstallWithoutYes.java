package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.PackageCommands;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Set;

@RuleDoc(id = "DF619", title = "yum, dnf or zypper without a non-interactive flag", severity = Severity.WARNING,
        practice = Practice.CORRECTNESS,
        why = "yum and dnf ask for confirmation unless given -y, zypper unless given -n (or -y after the "
                + "command); with no terminal the build fails.",
        bad = """
                FROM rockylinux:9-minimal
                RUN microdnf install -y dnf && dnf install httpd && dnf clean all
                """,
        good = """
                FROM rockylinux:9-minimal
                RUN microdnf install -y dnf && dnf install -y httpd && dnf clean all
                """,
        hadolint = {"DL3030", "DL3038", "DL3034"})
public final class InstallWithoutYes extends Rule {
    /** Varargs arguments made once (C1 allocates each call's array). */
    private static final String[] MANAGERS = {"yum", "dnf", "tdnf", "zypper"};
    private static final String[] RPM_MANAGERS = {"yum", "dnf", "tdnf"};
    private static final String[] RPM_YES_FLAGS = {"-y", "--assumeyes"};
    private static final String[] ZYPPER_YES_FLAGS = {"-n", "--non-interactive", "-y", "--no-confirm"};
    private static final Set<String> RPM_PROMPTING = Set.of("install", "groupinstall", "localinstall", "reinstall",
            "update", "upgrade", "remove", "erase", "autoremove", "downgrade", "distro-sync", "group", "module");
    private static final Set<String> ZYPPER_PROMPTING = Set.of("install", "in", "remove", "rm", "update", "up",
            "patch", "dist-upgrade", "dup", "source-install", "si", "install-new-recommends", "inr");

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand(MANAGERS)) return; // reports only on these commands
        // the linter orders findings by place, so the two kinds need not be interleaved here
        List<LintContext.RunCommand> rpm = ctx.runCommands(RPM_MANAGERS);
        for (int k = 0; k < rpm.size(); k++) {
            RunScript rs = rpm.get(k).script();
            SimpleCommand c = rpm.get(k).command();
            if (!PackageCommands.subcommandIn(c, RPM_PROMPTING) || c.hasFlag(RPM_YES_FLAGS)) continue;
            ctx.report(rs.span(c.words().get(0)), "add -y to " + c.name() + " "
                    + PackageCommands.subcommand(c).orElseThrow().literal()
                    + ": the build cannot answer its prompt");
        }
        List<LintContext.RunCommand> zypper = ctx.runCommands("zypper");
        for (int k = 0; k < zypper.size(); k++) {
            RunScript rs = zypper.get(k).script();
            SimpleCommand c = zypper.get(k).command();
            if (!PackageCommands.subcommandIn(c, ZYPPER_PROMPTING) || c.hasFlag(ZYPPER_YES_FLAGS)) continue;
            ctx.report(rs.span(c.words().get(0)), "add -n to zypper (zypper -n "
                    + PackageCommands.subcommand(c).orElseThrow().literal()
                    + "): the build cannot answer its prompt");
        }
    }
}
