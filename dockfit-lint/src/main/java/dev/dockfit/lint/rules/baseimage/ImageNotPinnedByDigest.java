package dev.dockfit.lint.rules.baseimage;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.reference.ImageReference;

@RuleDoc(id = "DF205", title = "Base image not pinned by digest", severity = Severity.INFO,
        practice = Practice.BASE_IMAGE, enabledByDefault = false,
        why = "A tag can be moved to another image at any time; only a digest names exactly one image, so the "
                + "build is reproducible and a compromised registry cannot swap it. Off by default: pinned digests "
                + "need a bot (Renovate, Dependabot) to keep receiving security updates.",
        bad = """
                FROM alpine:3.22
                """,
        good = """
                FROM alpine:3.22@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1
                """)
public final class ImageNotPinnedByDigest extends Rule {

    @Override
    public void check(LintContext ctx) {
        for (Stage s : ctx.model().stages()) {
            ImageReference ref = s.base().reference();
            Arg arg = BaseImages.imageArg(s);
            if (ref == null || arg == null || ref.digest() != null) continue;
            ctx.report(arg.span(), "pin " + BaseImages.shown(s) + " by digest (" + ref.raw()
                    + "@sha256:...) and let a bot update it");
        }
    }
}
