package dev.dockfit.lint.fix.safe;

import dev.dockfit.lint.LintContext.Reported;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.FindingFix;
import dev.dockfit.lint.fix.Proposal;
import java.util.List;

/** DF400: {@code apt-get install x} becomes {@code apt-get install --no-install-recommends x}. */
public final class AptNoInstallRecommendsFix implements FindingFix {

    @Override
    public Proposal propose(Reported finding, FixInput in) {
        List<CommandAt> found = CommandAt.find(in, finding, c -> c.name().equals("apt-get") && c.hasArg("install")
                && !c.hasFlag("--no-install-recommends")
                && c.argLiterals().stream().noneMatch(a -> a.contains("Install-Recommends")));
        if (found.isEmpty()) return null;
        return Proposal.of(finding.finding().rule(), finding.finding().practice(),
                new Fix("apt-get install --no-install-recommends", FixLevel.SAFE,
                        found.stream().map(c -> c.insertAfter("install", "--no-install-recommends")).toList()),
                "recommended packages are no longer installed");
    }
}
