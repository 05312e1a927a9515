package dev.dockfit.lint;

import java.util.ArrayList;
import java.util.List;

/** Every rule dockfit has, family by family (each family's {@code Rules} lists its own). */
public final class AllRules {
    private AllRules() {
    }

    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>();
        all.addAll(dev.dockfit.lint.rules.leastprivilege.Rules.ALL);
        all.addAll(dev.dockfit.lint.rules.multistage.Rules.ALL);
        all.addAll(dev.dockfit.lint.rules.baseimage.Rules.ALL);
        all.addAll(dev.dockfit.lint.rules.layercache.Rules.ALL);
        all.addAll(dev.dockfit.lint.rules.imagesize.Rules.ALL);
        all.addAll(dev.dockfit.lint.rules.security.Rules.ALL);
        all.addAll(dev.dockfit.lint.rules.correctness.Rules.ALL);
        all.addAll(dev.dockfit.lint.rules.maintainability.Rules.ALL);
        return List.copyOf(all);
    }

    /** Metadata of every rule, DF000 (parse error) included, sorted by id: the README's rule table. */
    public static List<RuleInfo> infos() {
        List<RuleInfo> infos = new ArrayList<>();
        infos.add(RuleInfo.of(ParseErrorFinding.class));
        for (Rule r : all()) infos.add(r.info());
        infos.sort(java.util.Comparator.comparing(RuleInfo::id));
        return infos;
    }
}
