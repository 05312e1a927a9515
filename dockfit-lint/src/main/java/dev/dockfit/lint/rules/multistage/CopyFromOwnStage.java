package dev.dockfit.lint.rules.multistage;

import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;

@RuleDoc(id = "DF102", title = "COPY --from (or RUN --mount from=) names its own stage", severity = Severity.ERROR,
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
public final class CopyFromOwnStage extends Rule {

    @Override
    public void check(LintContext ctx) {
        for (Stage stage : ctx.model().stages()) {
            for (StageRefs.Ref ref : StageRefs.of(ctx, stage)) {
                if (!ref.namesOwn(stage)) continue;
                ctx.report(ref.at(), ref.how() + " names the stage it is in: use an earlier stage, or the build "
                        + "context");
            }
        }
    }
}
