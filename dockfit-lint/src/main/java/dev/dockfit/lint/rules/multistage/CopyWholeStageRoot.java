package dev.dockfit.lint.rules.multistage;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Flag;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleDoc(id = "DF108", title = "COPY --from copies a whole stage's root", severity = Severity.WARNING,
        practice = Practice.MULTI_STAGE,
        why = "Copying '/' from a build stage brings its whole filesystem along (toolchain, sources, caches), which "
                + "undoes the point of the multi-stage build. Copy only the built artefacts.",
        bad = """
                FROM golang:1.26 AS build
                RUN go build -o /out/app .

                FROM gcr.io/distroless/static-debian12
                COPY --from=build / /
                """,
        good = """
                FROM golang:1.26 AS build
                RUN go build -o /out/app .

                FROM gcr.io/distroless/static-debian12
                COPY --from=build /out/app /app
                """)
public final class CopyWholeStageRoot extends Rule {
    private static final Set<String> ROOTS = Set.of("/", "/.", "/*", "/./", ".", "./");

    @Override
    public void check(LintContext ctx) {
        Stage last = ctx.model().finalStage().orElse(null);
        if (last == null) return;
        // only what reaches the final image matters; build stages may well take a whole tools stage
        for (Stage stage : ctx.stageChain(last)) {
            for (Instruction copy : stage.all("COPY")) {
                Flag from = copy.flag("from").orElse(null);
                String value = StageRefs.value(ctx, copy, from);
                if (value == null || copy.args().size() < 2) continue;
                Stage source = ctx.model().stageNamed(value.toLowerCase(Locale.ROOT), stage).orElse(null);
                if (source == null || !builtIn(ctx, source)) continue;
                List<Arg> sources = copy.args().subList(0, copy.args().size() - 1);
                for (Arg src : sources) {
                    var e = ctx.model().expand(copy, src.value());
                    if (e.isEmpty() || !ROOTS.contains(e.get().value())) continue;
                    ctx.report(src.span(), "COPY --from=" + value + " " + src.value() + " copies the whole stage "
                            + "(toolchain and sources included): copy only the built files the image needs");
                }
            }
        }
    }

    /**
     * True when the stage ran build steps on an image: not a bare alias of an image (FROM tools-image AS x,
     * whose root is meant to be taken whole), and not rooted in scratch (an export stage holding only what
     * was copied into it).
     */
    private static boolean builtIn(LintContext ctx, Stage source) {
        if (ctx.stageRoot(source).base().isScratch()) return false;
        return ctx.stageChain(source).stream()
                .anyMatch(s -> s.instructions().stream().anyMatch(i -> i.is("RUN")));
    }
}
