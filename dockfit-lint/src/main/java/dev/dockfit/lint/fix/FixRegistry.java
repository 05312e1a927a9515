package dev.dockfit.lint.fix;

import dev.dockfit.lint.fix.practice.CacheMountFix;
import dev.dockfit.lint.fix.practice.ChownToCopyChownFix;
import dev.dockfit.lint.fix.practice.DockerignoreFix;
import dev.dockfit.lint.fix.practice.GoMultiStageFix;
import dev.dockfit.lint.fix.practice.JavaJarMultiStageFix;
import dev.dockfit.lint.fix.practice.ManifestsFirstFix;
import dev.dockfit.lint.fix.practice.NativeMultiStageFix;
import dev.dockfit.lint.fix.practice.NodeMultiStageFix;
import dev.dockfit.lint.fix.practice.NonRootUserFix;
import dev.dockfit.lint.fix.practice.PythonWheelsFix;
import dev.dockfit.lint.fix.practice.SlimBaseImageFix;
import dev.dockfit.lint.fix.safe.ApkNoCacheFix;
import dev.dockfit.lint.fix.safe.AptGetYesFix;
import dev.dockfit.lint.fix.safe.AptListsRemovedFix;
import dev.dockfit.lint.fix.safe.AptNoInstallRecommendsFix;
import dev.dockfit.lint.fix.safe.AptToAptGetFix;
import dev.dockfit.lint.fix.safe.KeywordCasingFix;
import dev.dockfit.lint.fix.safe.MaintainerToLabelFix;
import dev.dockfit.lint.fix.safe.PipNoCacheDirFix;
import dev.dockfit.lint.fix.safe.RedundantPlatformFix;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Joins fixes to rules by rule id, so rules and their fixes are written (and owned) separately. Finding fixes
 * repair one finding; file fixes apply a practice to the whole file: multi-stage first (a split stage moves the
 * runtime to a new stage, and the other practices' edits of the old stage's tail wait for the next round, where
 * they apply to the new stages), then least-privilege, layer-cache, base-image (so the base image swap sees the
 * user already created).
 */
public final class FixRegistry {
    private static final Map<String, FindingFix> BY_RULE = Map.of(
            "DF400", new AptNoInstallRecommendsFix(),
            "DF401", new AptListsRemovedFix(),
            "DF402", new ApkNoCacheFix(),
            "DF315", new CacheMountFix(),
            "DF403", new PipNoCacheDirFix(),
            "DF618", new AptGetYesFix(),
            "DF700", new MaintainerToLabelFix(),
            "DF702", new KeywordCasingFix(),
            "DF705", new AptToAptGetFix(),
            "DF716", new RedundantPlatformFix());

    private static final List<FileFix> FILE_FIXES = List.of(
            new GoMultiStageFix(), new JavaJarMultiStageFix(), new NodeMultiStageFix(), new NativeMultiStageFix(),
            new PythonWheelsFix(),
            new ChownToCopyChownFix(), new NonRootUserFix(), new ManifestsFirstFix(), new SlimBaseImageFix());

    private static final List<SideFileFix> SIDE_FILE_FIXES = List.of(new DockerignoreFix());

    private FixRegistry() {
    }

    public static Optional<FindingFix> forRule(String ruleId) {
        return Optional.ofNullable(BY_RULE.get(ruleId));
    }

    public static List<FileFix> fileFixes() {
        return FILE_FIXES;
    }

    public static List<SideFileFix> sideFileFixes() {
        return SIDE_FILE_FIXES;
    }

    /** Every rule id some fix answers (the lint output's {@code fixable}). */
    public static Set<String> fixableRules() {
        Set<String> ids = new TreeSet<>(BY_RULE.keySet());
        FILE_FIXES.forEach(f -> ids.add(f.rule()));
        SIDE_FILE_FIXES.forEach(f -> ids.add(f.rule()));
        return ids;
    }
}
