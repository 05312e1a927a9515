package dev.dockfit.lint;

import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A rule's {@link RuleDoc} as a value (read once per rule class). */
public record RuleInfo(String id, String title, Severity severity, Practice practice, String why, String bad,
                       String good, List<String> hadolint, List<String> trivy, List<String> buildkit,
                       boolean enabledByDefault) {

    private static final Map<Class<?>, RuleInfo> CACHE = new ConcurrentHashMap<>();

    public static RuleInfo of(Class<?> ruleClass) {
        return CACHE.computeIfAbsent(ruleClass, c -> {
            RuleDoc d = c.getAnnotation(RuleDoc.class);
            if (d == null) throw new IllegalStateException(c.getName() + " has no @RuleDoc");
            return new RuleInfo(d.id(), d.title(), d.severity(), d.practice(), d.why(), d.bad(), d.good(),
                    List.of(d.hadolint()), List.of(d.trivy()), List.of(d.buildkit()), d.enabledByDefault());
        });
    }
}
