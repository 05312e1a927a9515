package dev.dockfit.lint.rules.multistage;

import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.Locale;
import java.util.Optional;

@RuleDoc(id = "DF103", title = "COPY --from (or RUN --mount from=) names no earlier stage", severity = Severity.WARNING,
        practice = Practice.MULTI_STAGE,
        why = "A --from value that is not an earlier stage is pulled as an image: a typo in a stage name, or a "
                + "stage defined further down, turns into a pull of some Docker Hub image or a failed build.",
        bad = """
                FROM golang:1.26 AS build
                RUN go build -o /app .

                FROM gcr.io/distroless/static-debian12
                COPY --from=builder /app /app
                """,
        good = """
                FROM golang:1.26 AS build
                RUN go build -o /app .

                FROM gcr.io/distroless/static-debian12
                COPY --from=build /app /app
                COPY --from=busybox:1.37 /bin/busybox /busybox
                """,
        hadolint = "DL3022")
public final class CopyFromUnknownStage extends Rule {

    @Override
    public void check(LintContext ctx) {
        for (Stage stage : ctx.model().stages()) {
            for (StageRefs.Ref ref : StageRefs.of(ctx, stage)) {
                if (ref.namesOwn(stage)) continue; // DF102
                String v = ref.value().toLowerCase(Locale.ROOT);
                if (ctx.model().stageNamed(v, stage).isPresent()) continue;
                Optional<Stage> later = ctx.model().stages().stream()
                        .filter(s -> v.equals(s.name()) || v.equals(String.valueOf(s.index()))).findFirst();
                if (later.isPresent()) {
                    ctx.report(ref.at(), ref.how() + " names a stage defined later (line "
                            + ctx.file().range(later.get().from().span()).start().line()
                            + "): move that stage above this one");
                } else if (v.matches("\\d+")) {
                    ctx.report(ref.at(), ref.how() + ": there is no stage " + ref.value()
                            + " before this one (stages count from 0)");
                } else if (!looksLikeImage(v)) {
                    ctx.report(ref.at(), ref.how() + " is not a stage defined above; name one of the earlier "
                            + "stages, or give the image a tag (" + ref.value() + ":<tag>) if you meant one");
                }
            }
        }
    }

    /** An image reference rather than a stage name: it has a tag, digest or registry/namespace path. */
    private static boolean looksLikeImage(String v) {
        return v.contains(":") || v.contains("@") || v.contains("/");
    }
}
