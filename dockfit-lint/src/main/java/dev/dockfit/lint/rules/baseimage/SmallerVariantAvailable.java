package dev.dockfit.lint.rules.baseimage;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.kb.Suggestion;
import dev.dockfit.lint.support.RuntimeVariant;
import dev.dockfit.reference.ImageReference;
import java.util.List;
import java.util.Optional;

@RuleDoc(id = "DF201", title = "A smaller variant of the base image exists", severity = Severity.INFO,
        practice = Practice.BASE_IMAGE,
        why = "The full official images (node, python, ruby, debian, eclipse-temurin JDKs...) carry compilers, "
                + "headers and tools an application rarely needs at run time; the slim, alpine or JRE variant of the "
                + "same version is several times smaller and has fewer packages to patch.",
        bad = """
                FROM python:3.13
                COPY app.py /app.py
                CMD ["python3", "/app.py"]
                """,
        good = """
                FROM python:3.13-slim
                COPY app.py /app.py
                CMD ["python3", "/app.py"]
                """)
public final class SmallerVariantAvailable extends Rule {

    @Override
    public void check(LintContext ctx) {
        Stage stage = ctx.model().finalStage().orElse(null);
        if (stage == null) return;
        Stage root = ctx.stageRoot(stage);
        ImageReference ref = root.base().reference();
        Arg arg = BaseImages.imageArg(root);
        if (ref == null || arg == null) return;
        // one problem, one finding: a deprecated image is DF202's, a build in the final image is DF100's
        if (ctx.kb().deprecation(ref).isPresent() || ctx.firstBuild(stage).isPresent()) return;
        boolean sdk = ctx.kb().sdk(ref).isPresent();
        Optional<Suggestion> s = sdk ? RuntimeVariant.of(ctx.kb(), ref) : first(ctx.kb().smallerVariants(ref));
        if (s.isEmpty()) return;
        Suggestion v = s.get();
        String saving = v.savingMB().isPresent() ? " (typically about " + v.savingMB().getAsInt() + " MB smaller)" : "";
        String apk = v.packageManagerChanges() && v.fromFamily().isPresent() && v.toFamily().isPresent()
                ? "; it uses " + v.toFamily().get().packageManager() + ", so adapt the package installs" : "";
        ctx.report(arg.span(), "a smaller variant of " + BaseImages.shown(root) + " exists: run on " + v.reference()
                + saving + apk);
    }

    /** The list's first element: no stream pipeline per file (C1 compiles none of it away). */
    private static Optional<Suggestion> first(List<Suggestion> suggestions) {
        return suggestions.isEmpty() ? Optional.empty() : Optional.of(suggestions.get(0));
    }
}
