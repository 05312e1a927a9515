package dev.dockfit.lint.fix.safe;

import dev.dockfit.dockerfile.model.Flag;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.lint.LintContext.Reported;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.FindingFix;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.lint.fix.TextEdit;
import java.util.List;
import java.util.Set;

/**
 * DF716: {@code FROM --platform=$TARGETPLATFORM img} becomes {@code FROM img} (the target platform is the
 * default). The flag and the blanks after it go; when a line continuation follows, the blanks before it go instead.
 */
public final class RedundantPlatformFix implements FindingFix {
    private static final Set<String> TARGET = Set.of("$TARGETPLATFORM", "${TARGETPLATFORM}");

    @Override
    public Proposal propose(Reported finding, FixInput in) {
        Instruction from = in.instructionAt(finding).filter(i -> i.is("FROM")).orElse(null);
        if (from == null) return null;
        Flag flag = from.flags("platform").stream().filter(f -> TARGET.contains(f.value())).findFirst().orElse(null);
        if (flag == null) return null;
        String view = in.file().source().byteView();
        int end = flag.span().end();
        while (end < view.length() && (view.charAt(end) == ' ' || view.charAt(end) == '\t')) end++;
        int start = flag.span().start();
        if (end < view.length() && (view.charAt(end) == '\n' || view.charAt(end) == '\r'
                || view.charAt(end) == in.file().escapeToken())) {
            end = flag.span().end();
            while (start > 0 && (view.charAt(start - 1) == ' ' || view.charAt(start - 1) == '\t')) start--;
        }
        return Proposal.of(finding.finding().rule(), finding.finding().practice(),
                new Fix("--platform=$TARGETPLATFORM removed", FixLevel.SAFE,
                        List.of(new TextEdit(new Span(start, end), ""))), null);
    }
}
