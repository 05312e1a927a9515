package dev.dockfit.lint.rules.multistage;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.Locale;

@RuleDoc(id = "DF106", title = "Stage name is not lowercase", severity = Severity.STYLE,
        practice = Practice.MULTI_STAGE,
        why = "Stage names are case-insensitive; writing them lowercase keeps them distinct from image names and "
                + "consistent across FROM and COPY --from.",
        bad = """
                FROM alpine:3.22 AS Builder
                RUN echo hi > /hi
                """,
        good = """
                FROM alpine:3.22 AS builder
                RUN echo hi > /hi
                """,
        buildkit = "StageNameCasing")
public final class StageNameCasing extends Rule {

    @Override
    public void check(LintContext ctx) {
        for (Stage s : ctx.model().stages()) {
            Arg name = StageRefs.nameArg(s.from());
            if (name == null || name.value().equals(name.value().toLowerCase(Locale.ROOT))) continue;
            ctx.report(name.span(), "write the stage name in lowercase: " + name.value().toLowerCase(Locale.ROOT));
        }
    }
}
