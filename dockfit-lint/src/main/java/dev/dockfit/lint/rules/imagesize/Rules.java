package dev.dockfit.lint.rules.imagesize;

import dev.dockfit.lint.Rule;
import java.util.List;

/** The image-size family (DF400-DF499). */
public final class Rules {
    public static final List<Rule> ALL = List.of(
            new AptInstallRecommends(),
            new AptListsNotRemoved(),
            new ApkAddWithoutNoCache(),
            new PipInstallWithoutNoCacheDir(),
            new NodeCacheNotCleaned(),
            new RpmCacheNotCleaned(),
            new CurlAndWget());

    private Rules() {
    }
}
