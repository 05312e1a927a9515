package dev.dockfit.lint.rules.layercache;

import dev.dockfit.lint.Rule;
import java.util.List;

/** The layer-cache family (DF300-DF399). */
public final class Rules {
    public static final List<Rule> ALL = List.of(
            new BroadCopyBeforeDependencyInstall(),
            new PackageIndexUpdateAlone(),
            new BroadCopyWithoutDockerignore(),
            new AptPackageNotPinned(),
            new ApkPackageNotPinned(),
            new PipPackageNotPinned(),
            new NpmPackageNotPinned(),
            new GemNotPinned(),
            new DependencyDownloadWithoutCacheMount());

    private Rules() {
    }
}
