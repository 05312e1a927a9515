package dev.dockfit.lint.rules.baseimage;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.kb.Maintenance;
import dev.dockfit.lint.kb.OfficialImage;
import dev.dockfit.lint.kb.TagName;
import dev.dockfit.reference.ImageReference;
import java.util.List;

@RuleDoc(id = "DF203", title = "Base image version no longer maintained", severity = Severity.WARNING,
        practice = Practice.VULNERABILITY,
        why = "Official images are rebuilt for security fixes only while their version line is listed. An image "
                + "on an end-of-life line (node:17, python:3.8, debian:buster) keeps every vulnerability found since. "
                + "This holds for build stages too: their toolchain and libraries end up in what they build.",
        bad = """
                FROM node:17-alpine
                CMD ["node"]
                """,
        good = """
                FROM node:24-alpine
                CMD ["node"]
                """)
public final class UnmaintainedImageVersion extends Rule {
    @Override
    public void check(LintContext ctx) {
        for (Stage s : ctx.model().stages()) {
            ImageReference ref = s.base().reference();
            Arg arg = BaseImages.imageArg(s);
            if (ref == null || arg == null) continue;
            if (ctx.kb().status(ref).maintenance() != Maintenance.UNMAINTAINED) continue;
            if (ctx.kb().deprecation(ref).isPresent()) continue; // DF202 says it, with the replacement
            OfficialImage image = ctx.kb().image(ref).orElse(null);
            if (image == null) continue;
            ctx.report(arg.span(), BaseImages.shown(s) + " is no longer maintained and gets no security updates: "
                    + advice(image, ref.effectiveTag()));
        }
    }

    /** The variants still built for the same version when only the variant is gone, else the newest line. */
    private static String advice(OfficialImage image, String tag) {
        TagName t = image.parse(tag);
        if (!t.variant().isEmpty()) {
            List<String> same = image.variantTags(t.designator()).stream().limit(4)
                    .map(listed -> image.name() + ":" + listed).toList();
            if (!same.isEmpty()) {
                return "the " + t.variant() + " variant is no longer built; move to a maintained one ("
                        + String.join(", ", same) + ")";
            }
        }
        return image.newestLine().map(l -> "move to a maintained line (newest: " + image.name() + ":" + l + ")")
                .orElse("move to a maintained tag");
    }
}
