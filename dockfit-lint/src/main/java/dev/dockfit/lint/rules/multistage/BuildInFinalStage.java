package dev.dockfit.lint.rules.multistage;

import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.kb.SdkInfo;
import dev.dockfit.lint.support.BuildCommands;
import dev.dockfit.lint.support.RuntimeVariant;
import dev.dockfit.reference.ImageReference;
import java.util.Optional;

@RuleDoc(id = "DF100", title = "The final stage builds the software or ships an SDK image",
        severity = Severity.WARNING, practice = Practice.MULTI_STAGE,
        why = "Compilers, SDKs, sources and build caches are not needed to run the result, yet they make the image "
                + "several times larger and give an attacker tools. Build in a stage of its own and COPY --from it "
                + "only the artefacts onto a small runtime image.",
        bad = """
                FROM golang:1.26
                WORKDIR /src
                COPY . .
                RUN go build -o /app .
                CMD ["/app"]
                """,
        good = """
                FROM golang:1.26 AS build
                WORKDIR /src
                COPY . .
                RUN CGO_ENABLED=0 go build -o /app .

                FROM gcr.io/distroless/static-debian12:nonroot
                COPY --from=build /app /app
                CMD ["/app"]
                """)
public final class BuildInFinalStage extends Rule {

    @Override
    public void check(LintContext ctx) {
        Optional<Problem> p = finalStageProblem(ctx);
        if (p.isPresent()) ctx.report(p.get().at(), p.get().message());
    }

    record Problem(Span at, String message) {
    }

    private static final Object FINAL_STAGE_PROBLEM = new Object();

    /** {@link #problem} of the file's final stage, worked out once per file for this rule and DF101. */
    static Optional<Problem> finalStageProblem(LintContext ctx) {
        return ctx.shared(FINAL_STAGE_PROBLEM, c -> {
            Optional<Stage> stage = c.model().finalStage();
            return stage.isEmpty() ? Optional.empty() : problem(c, stage.get());
        });
    }

    /** What this rule reports on the final stage, if anything (DF101 stays silent then: one problem, one finding). */
    private static Optional<Problem> problem(LintContext ctx, Stage stage) {
        Optional<BuildCommands.Found> build = ctx.firstBuild(stage);
        if (build.isPresent()) {
            BuildCommands.Found b = build.get();
            return Optional.of(new Problem(b.script().span(b.command().words().get(0)), "the final image runs the "
                    + "build (" + b.what() + "): build in a separate stage and COPY --from it only the result onto a "
                    + "runtime image"));
        }
        Stage root = ctx.stageRoot(stage);
        ImageReference ref = root.base().reference();
        if (ref == null || root.from().args().isEmpty()) return Optional.empty();
        Optional<SdkInfo> sdk = ctx.kb().sdk(ref);
        // an SDK with a runtime variant of its own (node:22 -> node:22-slim) is the base-image rule's to report
        if (sdk.isEmpty() || RuntimeVariant.existsFor(ctx.kb(), ref)) return Optional.empty();
        return Optional.of(new Problem(root.from().args().get(0).span(), ref.raw() + " ships the " + sdk.get().what()
                + " in the final image: build in a stage FROM it and run on " + sdk.get().runtime()));
    }
}
