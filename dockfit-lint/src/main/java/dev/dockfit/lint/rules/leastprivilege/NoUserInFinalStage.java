package dev.dockfit.lint.rules.leastprivilege;

import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.reference.ImageReference;

@RuleDoc(id = "DF001", title = "Final stage does not set a non-root USER", severity = Severity.WARNING,
        practice = Practice.LEAST_PRIVILEGE,
        why = "Without USER the container runs as root: a compromise of the application is a compromise of the "
                + "container, and with a kernel bug or a bad mount, of the host.",
        bad = """
                FROM node:20-slim
                WORKDIR /app
                COPY --chown=node:node . .
                CMD ["node", "server.js"]
                """,
        good = """
                FROM node:20-slim
                WORKDIR /app
                COPY --chown=node:node . .
                USER node
                CMD ["node", "server.js"]
                """,
        trivy = "DS-0002", buildkit = {})
public final class NoUserInFinalStage extends Rule {

    @Override
    public void check(LintContext ctx) {
        ctx.model().finalStage().ifPresent(stage -> {
            Stage root = ctx.stageRoot(stage);
            if (setsUser(ctx, stage) || baseRunsAsNonRoot(root) || isWindows(root)) return;
            ctx.report(stage.from(), "the final stage" + (stage.name() == null ? "" : " '" + stage.name() + "'")
                    + " runs as root: add a USER with a non-root user before CMD/ENTRYPOINT");
        });
    }

    /** True when this stage, or an earlier stage it builds on, has a USER instruction. */
    private static boolean setsUser(LintContext ctx, Stage stage) {
        for (Stage s = stage; s != null; s = s.base().stage() == null ? null : ctx.model().stages().get(s.base().stage())) {
            if (!s.all("USER").isEmpty()) return true;
        }
        return false;
    }

    /** Windows containers have no root: their users are ContainerAdministrator and ContainerUser. */
    private static boolean isWindows(Stage stage) {
        ImageReference ref = stage.base().reference();
        if (ref == null) return false;
        String repo = ref.repository();
        String tag = ref.tag() == null ? "" : ref.tag();
        return repo.startsWith("windows/") || repo.contains("/windows/") || repo.startsWith("dotnet/framework/")
                || tag.contains("windowsservercore") || tag.contains("nanoserver");
    }

    /** Images documented to run as a non-root user by default (distroless :nonroot, chainguard). */
    private static boolean baseRunsAsNonRoot(Stage stage) {
        ImageReference ref = stage.base().reference();
        if (ref == null) return false;
        String tag = ref.tag() == null ? "" : ref.tag();
        boolean distroless = ref.repository().startsWith("distroless/") && "gcr.io".equals(ref.registry());
        return (distroless && (tag.equals("nonroot") || tag.endsWith("-nonroot")))
                || "cgr.dev".equals(ref.registry());
    }
}
