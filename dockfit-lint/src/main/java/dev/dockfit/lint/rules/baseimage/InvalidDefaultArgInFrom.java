package dev.dockfit.lint.rules.baseimage;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.semantic.BaseImage;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;

@RuleDoc(id = "DF207", title = "ARG defaults give FROM an empty or invalid image", severity = Severity.WARNING,
        practice = Practice.BASE_IMAGE,
        why = "When the image of a FROM comes from ARGs, their default values must make a valid image reference; "
                + "otherwise the build fails unless every caller passes --build-arg.",
        bad = """
                ARG TAG
                FROM alpine:${TAG}
                """,
        good = """
                ARG TAG=3.22
                FROM alpine:${TAG}
                """,
        buildkit = "InvalidDefaultArgInFrom")
public final class InvalidDefaultArgInFrom extends Rule {

    @Override
    public void check(LintContext ctx) {
        for (Stage s : ctx.model().stages()) {
            BaseImage base = s.base();
            Arg arg = BaseImages.imageArg(s);
            if (arg == null || !base.raw().contains("$")) continue;
            boolean valid = base.resolved() != null && !base.resolved().isBlank()
                    && (base.isStage() || base.isScratch() || base.reference() != null);
            if (valid) continue;
            String result = base.resolved() == null ? "cannot be expanded"
                    : base.resolved().isBlank() ? "gives an empty image name" : "gives '" + base.resolved() + "'";
            ctx.report(arg.span(), base.raw() + " " + result + " with the ARG defaults: give the ARGs defaults "
                    + "that make a valid image reference");
        }
    }
}
