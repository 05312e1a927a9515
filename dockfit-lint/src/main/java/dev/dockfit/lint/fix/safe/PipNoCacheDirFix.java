package dev.dockfit.lint.fix.safe;

import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.lint.LintContext.Reported;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.FindingFix;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.lint.fix.practice.CacheMountFix;
import java.util.List;

/** DF403: {@code pip install x} (pip, pip3, python -m pip) becomes {@code pip install --no-cache-dir x}. */
public final class PipNoCacheDirFix implements FindingFix {

    @Override
    public Proposal propose(Reported finding, FixInput in) {
        List<CommandAt> found = CommandAt.find(in, finding, PipNoCacheDirFix::pipInstall);
        if (found.isEmpty()) return null;
        // at level all a cache mount resolves the finding instead, and --no-cache-dir would leave it empty
        if (in.instructionAt(finding).filter(run -> CacheMountFix.mountsCacheOf(in, run)).isPresent()) return null;
        return Proposal.of(finding.finding().rule(), finding.finding().practice(),
                new Fix("pip install --no-cache-dir", FixLevel.SAFE,
                        found.stream().map(c -> c.insertAfter("install", "--no-cache-dir")).toList()),
                "pip's download cache is not kept in the image");
    }

    static boolean pipInstall(SimpleCommand c) {
        boolean pip = c.name().matches("pip[0-9.]*")
                || (c.name().matches("python[0-9.]*") && c.argLiterals().size() >= 2
                && c.argLiterals().get(0).equals("-m") && c.argLiterals().get(1).equals("pip"));
        return pip && c.hasArg("install") && !c.hasFlag("--no-cache-dir");
    }
}
