package dev.dockfit.lint.rules.baseimage;

import dev.dockfit.lint.Rule;
import java.util.List;

/** The base-image family (DF200-DF299). */
public final class Rules {
    public static final List<Rule> ALL = List.of(
            new LatestOrUntaggedImage(),
            new SmallerVariantAvailable(),
            new DeprecatedImage(),
            new UnmaintainedImageVersion(),
            new UntrustedRegistry(),
            new ImageNotPinnedByDigest(),
            new ConstantPlatformFlag(),
            new InvalidDefaultArgInFrom(),
            new UndefinedArgInFrom());

    private Rules() {
    }
}
