package dev.dockfit.lint.fix.safe;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.lint.LintContext.Reported;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.FindingFix;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.lint.fix.TextEdit;
import java.util.List;
import java.util.Locale;

/** DF702: the keyword is rewritten in the casing most of the file's keywords use (upper case on a tie). */
public final class KeywordCasingFix implements FindingFix {

    @Override
    public Proposal propose(Reported finding, FixInput in) {
        Instruction i = in.instructionAt(finding).orElse(null);
        if (i == null) return null;
        long lower = in.file().instructions().stream()
                .filter(x -> x.writtenKeyword().equals(x.writtenKeyword().toLowerCase(Locale.ROOT))).count();
        long upper = in.file().instructions().stream()
                .filter(x -> x.writtenKeyword().equals(x.writtenKeyword().toUpperCase(Locale.ROOT))).count();
        String want = lower > upper ? i.writtenKeyword().toLowerCase(Locale.ROOT) : i.writtenKeyword().toUpperCase(Locale.ROOT);
        if (want.equals(i.writtenKeyword())) return null;
        return Proposal.of(finding.finding().rule(), finding.finding().practice(),
                new Fix("instruction casing", FixLevel.SAFE, List.of(new TextEdit(i.keywordSpan(), want))), null);
    }
}
