package dev.dockfit.lint.rules.multistage;

import dev.dockfit.dockerfile.model.Flag;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.Locale;

@RuleDoc(id = "DF102", title = "COPY --from names its own stage", severity = Severity.ERROR,
        practice = Practice.MULTI_STAGE,
        why = "A stage cannot copy from itself: the build fails with a circular dependency.",
        bad = """
                FROM golang:1.26 AS build
                COPY --from=build /src /src
                """,
        good = """
                FROM golang:1.26 AS source
                COPY . /src

                FROM golang:1.26 AS build
                COPY --from=source /src /src
                """,
        hadolint = "DL3023", trivy = "DS-0006")
public final class CopyFromOwnStage implements Rule {

    @Override
    public void check(LintContext ctx) {
        for (Stage stage : ctx.model().stages()) {
            for (Instruction copy : stage.all("COPY")) {
                Flag from = copy.flag("from").orElse(null);
                String value = StageRefs.value(ctx, copy, from);
                if (value == null) continue;
                String v = value.toLowerCase(Locale.ROOT);
                if (v.equals(stage.name()) || v.equals(String.valueOf(stage.index()))) {
                    ctx.report(from.span(), "COPY --from=" + value + " names the stage it is in: copy from an "
                            + "earlier stage, or use a plain COPY from the build context");
                }
            }
        }
    }
}
