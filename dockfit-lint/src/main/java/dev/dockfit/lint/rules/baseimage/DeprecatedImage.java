package dev.dockfit.lint.rules.baseimage;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.kb.Deprecation;
import dev.dockfit.lint.kb.Suggestion;
import dev.dockfit.reference.ImageReference;
import java.util.Optional;

@RuleDoc(id = "DF202", title = "Deprecated base image", severity = Severity.WARNING, practice = Practice.BASE_IMAGE,
        why = "Deprecated official images get no new versions and, sooner or later, no security updates; their "
                + "maintainers name the image to move to.",
        bad = """
                FROM openjdk:17-jdk-slim
                COPY app.jar /app.jar
                CMD ["java", "-jar", "/app.jar"]
                """,
        good = """
                FROM eclipse-temurin:17-jre
                COPY app.jar /app.jar
                CMD ["java", "-jar", "/app.jar"]
                """)
public final class DeprecatedImage extends Rule {

    @Override
    public void check(LintContext ctx) {
        for (Stage s : ctx.model().stages()) {
            ImageReference ref = s.base().reference();
            Arg arg = BaseImages.imageArg(s);
            if (ref == null || arg == null) continue;
            Optional<Deprecation> d = ctx.kb().deprecation(ref);
            if (d.isEmpty()) continue;
            String name = ref.officialName().orElse(ref.repository());
            ctx.report(arg.span(), name + " is deprecated and gets no updates: " + advice(ctx, ref, d.get(), s));
        }
    }

    /** The replacement, as a tag of the same line when the knowledge base maps it (openjdk:17 to eclipse-temurin:17-jre). */
    private static String advice(LintContext ctx, ImageReference ref, Deprecation d, Stage s) {
        Optional<String> replacement = d.replacement();
        boolean runtime = ctx.isFinal(s);
        Optional<Suggestion> mapped = ctx.kb().smallerVariants(ref).stream()
                .filter(v -> replacement.map(r -> r.equals(v.image())).orElse(false)).findFirst();
        if (replacement.isPresent()) {
            String to = runtime && mapped.isPresent() ? mapped.get().reference() : replacement.get();
            String others = d.alternatives().isEmpty() ? "" : " (alternatives: "
                    + String.join(", ", d.alternatives().stream().filter(a -> !a.equals(replacement.get())).toList())
                    + ")";
            return "use " + to + " instead" + others;
        }
        if (!d.alternatives().isEmpty()) return "use one of " + String.join(", ", d.alternatives());
        return d.notice().isBlank() ? "move to a maintained image" : d.notice();
    }
}
