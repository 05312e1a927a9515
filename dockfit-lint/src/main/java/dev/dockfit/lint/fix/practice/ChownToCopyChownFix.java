package dev.dockfit.lint.fix.practice;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.lint.fix.FileFix;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.lint.fix.TextEdit;
import dev.dockfit.lint.support.RunScript;
import java.util.ArrayList;
import java.util.List;

/**
 * least-privilege (DF005): {@code COPY src P} followed by {@code RUN chown -R u:g P} becomes
 * {@code COPY --chown=u:g src P} and the RUN goes, which also saves the layer that duplicated every file.
 * Only when the RUN is that one command, right after the COPY, with a literal {@code user:group}.
 */
public final class ChownToCopyChownFix implements FileFix {
    static final String RULE = "DF005";

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<Proposal> propose(FixInput in) {
        if (!in.wants(RULE)) return List.of();
        List<Proposal> out = new ArrayList<>();
        for (Stage stage : in.model().stages()) {
            List<Instruction> ins = stage.instructions();
            for (int k = 1; k < ins.size(); k++) {
                Instruction run = ins.get(k);
                Instruction copy = ins.get(k - 1);
                if (!run.is("RUN") || !(copy.is("COPY") || copy.is("ADD")) || copy.isJson()
                        || copy.flag("chown").isPresent() || !copy.heredocs().isEmpty()) continue;
                RunScript rs = in.script(run).orElse(null);
                if (rs == null || rs.script().commands().size() != 1 || !run.flags().isEmpty()) continue;
                SimpleCommand c = rs.script().commands().get(0);
                if (!c.name().equals("chown") || !c.assignments().isEmpty() || !c.redirections().isEmpty()) continue;
                List<String> args = c.argLiterals();
                if (args.size() != 3 || !args.get(0).equals("-R")) continue;
                String owner = args.get(1);
                String dest = StageFacts.destination(in.model(), stage, copy);
                String wd = StageFacts.workdirBefore(in.model(), stage, run);
                if (dest == null || wd == null || !StageFacts.resolve(wd, args.get(2)).equals(dest)) continue;
                if (!owner.matches("[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+")) {
                    out.add(Proposal.refused(RULE, Practice.LEAST_PRIVILEGE, FixLevel.RECOMMENDED,
                            "COPY --chown instead of RUN chown -R",
                            "the owner '" + owner + "' is not a literal user:group (COPY --chown=user alone sets a different group)"));
                    continue;
                }
                int at = StageFacts.flagInsertion(copy);
                out.add(Proposal.of(RULE, Practice.LEAST_PRIVILEGE, new Fix(
                        "RUN chown -R " + owner + " " + args.get(2) + " folded into COPY --chown=" + owner,
                        FixLevel.RECOMMENDED,
                        List.of(new TextEdit(new Span(at, at), "--chown=" + owner + " "),
                                new TextEdit(in.wholeLines(run), ""))),
                        "one layer less: chown -R copied every file of " + dest + " into a new layer"));
            }
        }
        return out;
    }
}
