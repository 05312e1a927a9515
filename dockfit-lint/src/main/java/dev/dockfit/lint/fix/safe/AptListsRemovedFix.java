package dev.dockfit.lint.fix.safe;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.MappedText;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.shell.Connector;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.lint.LintContext.Reported;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.FindingFix;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.lint.fix.TextEdit;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Optional;

/**
 * DF401: appends {@code && rm -rf /var/lib/apt/lists/*} to the RUN that downloads the lists. Only when the RUN is
 * a plain {@code &&} chain: after {@code ;}, {@code ||} or a background job the removal would change what runs.
 */
public final class AptListsRemovedFix implements FindingFix {
    static final String REMOVAL = "rm -rf /var/lib/apt/lists/*";

    @Override
    public Proposal propose(Reported finding, FixInput in) {
        String rule = finding.finding().rule();
        var practice = finding.finding().practice();
        Optional<Instruction> run = in.instructionAt(finding);
        Optional<RunScript> rs = run.flatMap(in::script);
        if (rs.isEmpty()) {
            return Proposal.refused(rule, practice, FixLevel.SAFE, "remove the apt lists in the same RUN",
                    "the RUN is not a shell-form script dockfit can extend");
        }
        List<SimpleCommand> commands = rs.get().script().commands();
        if (commands.isEmpty()) return null;
        boolean plainChain = !rs.get().script().hasProblems()
                && commands.stream().allMatch(c -> c.inSubstitution() || c.inPipeline()
                || c.after() == Connector.AND || c.after() == Connector.END)
                && !rs.get().script().text().contains("#");
        if (!plainChain) {
            return Proposal.refused(rule, practice, FixLevel.SAFE, "remove the apt lists in the same RUN",
                    "the RUN is not a plain '&&' chain; add '&& " + REMOVAL + "' where the lists are no longer needed");
        }
        MappedText text = rs.get().text();
        int end = text.span(0, text.length()).end();
        return Proposal.of(rule, practice, new Fix("apt lists removed in the same RUN", FixLevel.SAFE,
                        List.of(new TextEdit(new Span(end, end), " && " + REMOVAL))),
                "the package lists (tens of MB) are not kept in the layer");
    }
}
