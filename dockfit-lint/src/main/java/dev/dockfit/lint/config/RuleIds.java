package dev.dockfit.lint.config;

import dev.dockfit.lint.RuleInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The dockfit rules an id names: its own DF id, or a hadolint id (every rule declaring it as an equivalent). */
public final class RuleIds {
    private RuleIds() {
    }

    /** Empty when nothing matches. */
    public static Set<String> resolve(String id, List<RuleInfo> rules, boolean dockfitIds) {
        String want = id.strip().toUpperCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        for (RuleInfo r : rules) {
            if ((dockfitIds && r.id().equals(want)) || r.hadolint().contains(want)) out.add(r.id());
        }
        return out;
    }
}
