package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;

@RuleDoc(id = "DF701", title = "Legacy 'ENV key value' form", severity = Severity.WARNING,
        practice = Practice.MAINTAINABILITY,
        why = "The space-separated form sets a single variable whose value is the whole rest of the line, spaces "
                + "and quotes included, which surprises readers; it is deprecated in favour of key=value.",
        bad = """
                FROM python:3.12-slim
                ENV PYTHONDONTWRITEBYTECODE 1
                """,
        good = """
                FROM python:3.12-slim
                ENV PYTHONDONTWRITEBYTECODE=1
                """,
        buildkit = "LegacyKeyValueFormat")
public final class LegacyKeyValueFormat extends Rule {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> all = ctx.instructions();
        for (int n = 0; n < all.size(); n++) {
            Instruction i = all.get(n);
            Instruction target = i.is("ONBUILD") && i.child() != null ? i.child() : i;
            if (!(target.is("ENV") || target.is("LABEL")) || target.args().size() != 3) continue;
            if (!target.args().get(2).value().isEmpty()) continue; // key=value pairs carry a '=' separator
            ctx.report(target.keywordSpan(), "use " + target.keyword() + " " + target.args().get(0).value()
                    + "=<value> instead of the deprecated space-separated form");
        }
    }
}
