package dev.dockfit.lint.fix.safe;

import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.lint.LintContext.Reported;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.FindingFix;
import dev.dockfit.lint.fix.Proposal;
import java.util.List;
import java.util.Set;

/** DF618: {@code apt-get install x} becomes {@code apt-get install -y x} (a prompt would fail the build anyway). */
public final class AptGetYesFix implements FindingFix {
    static final Set<String> PROMPTING = Set.of("install", "upgrade", "dist-upgrade", "full-upgrade", "remove",
            "purge", "autoremove", "build-dep");

    @Override
    public Proposal propose(Reported finding, FixInput in) {
        List<CommandAt> found = CommandAt.find(in, finding, AptGetYesFix::prompts);
        if (found.isEmpty()) return null;
        return Proposal.of(finding.finding().rule(), finding.finding().practice(),
                new Fix("apt-get -y", FixLevel.SAFE,
                        found.stream().map(c -> c.insertAfter(subcommand(c.command()), "-y")).toList()),
                "apt-get no longer waits for a confirmation the build cannot give");
    }

    static boolean prompts(SimpleCommand c) {
        return c.name().equals("apt-get") && subcommand(c) != null
                && !c.hasFlag("-y", "--yes", "--assume-yes") && !c.argLiterals().contains("-qq")
                && c.argLiterals().stream().noneMatch(a -> a.contains("Assume-Yes"));
    }

    private static String subcommand(SimpleCommand c) {
        return c.argLiterals().stream().filter(PROMPTING::contains).findFirst().orElse(null);
    }
}
