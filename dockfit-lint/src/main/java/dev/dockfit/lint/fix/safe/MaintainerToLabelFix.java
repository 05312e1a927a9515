package dev.dockfit.lint.fix.safe;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.MappedText;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.lint.LintContext.Reported;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.FindingFix;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.lint.fix.TextEdit;
import java.util.List;
import java.util.Locale;

/** DF700: {@code MAINTAINER x} becomes {@code LABEL org.opencontainers.image.authors="x"} (the keyword's casing kept). */
public final class MaintainerToLabelFix implements FindingFix {

    @Override
    public Proposal propose(Reported finding, FixInput in) {
        Instruction i = in.instructionAt(finding).filter(x -> x.is("MAINTAINER")).orElse(null);
        if (i == null) return null;
        MappedText args = i.argsText();
        String written = i.writtenKeyword();
        String keyword = written.equals(written.toLowerCase(Locale.ROOT)) ? "label" : "LABEL";
        String value = args.text().replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$");
        Span span = new Span(i.keywordSpan().start(), args.span(0, args.length()).end());
        return Proposal.of(finding.finding().rule(), finding.finding().practice(),
                new Fix("MAINTAINER to LABEL org.opencontainers.image.authors", FixLevel.SAFE,
                        List.of(new TextEdit(span, keyword + " org.opencontainers.image.authors=\"" + value + "\""))),
                "the author is kept as the standard OCI label");
    }
}
