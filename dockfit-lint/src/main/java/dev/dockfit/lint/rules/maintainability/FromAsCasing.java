package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;
import java.util.Locale;

@RuleDoc(id = "DF703", title = "AS casing differs from FROM", severity = Severity.STYLE,
        practice = Practice.MAINTAINABILITY,
        why = "FROM image AS name reads best with both keywords in the same case.",
        bad = """
                FROM golang:1.23 as build
                FROM gcr.io/distroless/static-debian12
                """,
        good = """
                FROM golang:1.23 AS build
                FROM gcr.io/distroless/static-debian12
                """,
        buildkit = "FromAsCasing")
public final class FromAsCasing extends Rule {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> froms = ctx.instructions("FROM");
        for (int n = 0; n < froms.size(); n++) {
            Instruction i = froms.get(n);
            if (i.args().size() < 3 || !i.args().get(1).value().equalsIgnoreCase("AS")) continue;
            Arg as = i.args().get(1);
            String from = i.writtenKeyword();
            boolean fromUpper = from.equals(from.toUpperCase(Locale.ROOT));
            boolean fromLower = from.equals(from.toLowerCase(Locale.ROOT));
            String want = fromUpper ? "AS" : fromLower ? "as" : null;
            if (want != null && !as.value().equals(want)) {
                ctx.report(as.span(), "write '" + want + "' to match the case of '" + from + "'");
            }
        }
    }
}
