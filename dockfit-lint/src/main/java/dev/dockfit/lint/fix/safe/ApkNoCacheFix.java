package dev.dockfit.lint.fix.safe;

import dev.dockfit.lint.LintContext.Reported;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.FindingFix;
import dev.dockfit.lint.fix.Proposal;
import java.util.List;

/** DF402: {@code apk add x} becomes {@code apk add --no-cache x}. */
public final class ApkNoCacheFix implements FindingFix {

    @Override
    public Proposal propose(Reported finding, FixInput in) {
        List<CommandAt> found = CommandAt.find(in, finding,
                c -> c.name().equals("apk") && c.hasArg("add") && !c.hasFlag("--no-cache"));
        if (found.isEmpty()) return null;
        return Proposal.of(finding.finding().rule(), finding.finding().practice(),
                new Fix("apk add --no-cache", FixLevel.SAFE,
                        found.stream().map(c -> c.insertAfter("add", "--no-cache")).toList()),
                "the apk package index is not kept in the image");
    }
}
