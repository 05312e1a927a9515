package dev.dockfit.lint.rules.baseimage;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.reference.ImageReference;
import java.util.regex.Pattern;

@RuleDoc(id = "DF200", title = "Base image untagged or 'latest'", severity = Severity.WARNING,
        practice = Practice.BASE_IMAGE,
        why = "'latest' (also what an untagged FROM means) moves to each new major version: builds stop being "
                + "reproducible and break without a change to the Dockerfile.",
        bad = """
                FROM python
                CMD ["python3"]
                """,
        good = """
                FROM python:3.13-slim
                CMD ["python3"]
                """,
        hadolint = {"DL3006", "DL3007"}, trivy = "DS-0001")
public final class LatestOrUntaggedImage extends Rule {
    private static final Pattern IMAGE_ID = Pattern.compile("[0-9a-f]{64}");

    @Override
    public void check(LintContext ctx) {
        for (Stage s : ctx.model().stages()) {
            ImageReference ref = s.base().reference();
            Arg arg = BaseImages.imageArg(s);
            if (ref == null || arg == null || ref.digest() != null) continue;
            if (ref.tag() != null && !ref.tag().equals("latest")) continue;
            if (IMAGE_ID.matcher(ref.repository()).matches()) continue; // an image ID, as immutable as a digest
            String what = ref.tag() == null ? "has no tag (so it means latest)" : "uses the latest tag";
            ctx.report(arg.span(), BaseImages.shown(s) + " " + what
                    + ": pin a version tag so builds are reproducible");
        }
    }
}
