package dev.dockfit.lint.rules.baseimage;

import dev.dockfit.dockerfile.model.Flag;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.Locale;

@RuleDoc(id = "DF206", title = "FROM --platform with a constant value", severity = Severity.WARNING,
        practice = Practice.BASE_IMAGE,
        why = "A constant --platform forces one platform whatever the build asks for: the Dockerfile can no longer "
                + "build multi-platform images, and on another machine it runs under emulation. Use "
                + "$BUILDPLATFORM / $TARGETPLATFORM, or leave the choice to docker build --platform. A stage whose "
                + "name holds the OS or architecture (build_arm64) is meant to be platform-specific and is left alone.",
        bad = """
                FROM --platform=linux/amd64 alpine:3.22 AS base
                RUN apk add --no-cache git
                """,
        good = """
                FROM --platform=$BUILDPLATFORM alpine:3.22 AS base
                RUN apk add --no-cache git
                """,
        hadolint = "DL3029", buildkit = "FromPlatformFlagConstDisallowed")
public final class ConstantPlatformFlag extends Rule {

    @Override
    public void check(LintContext ctx) {
        for (Stage s : ctx.model().stages()) {
            Flag platform = s.from().flag("platform").orElse(null);
            if (platform == null || platform.value() == null || platform.value().isBlank()
                    || platform.value().contains("$")) continue;
            String value = platform.value().toLowerCase(Locale.ROOT);
            if (s.name() != null && namesPlatform(s.name(), value)) continue;
            ctx.report(platform.span(), "--platform=" + platform.value() + " pins one platform: use $BUILDPLATFORM or "
                    + "$TARGETPLATFORM, or drop it and pass --platform to the build");
        }
    }

    /** BuildKit's exception: the stage name contains the OS or the architecture of the platform. */
    private static boolean namesPlatform(String stage, String platform) {
        for (String part : platform.split("/")) {
            if (!part.isEmpty() && stage.contains(part)) return true;
        }
        return false;
    }
}
