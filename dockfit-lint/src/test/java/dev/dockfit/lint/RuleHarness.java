package dev.dockfit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs one rule (enabled even when opt-in) over a Dockerfile and returns its findings. */
public final class RuleHarness {
    private RuleHarness() {
    }

    public static List<Finding> lint(Rule rule, String dockerfile) {
        LintConfig config = new LintConfig(Set.of(), Set.of(rule.info().id()), Map.of(), Severity.STYLE, List.of(),
                Map.of(), true);
        LintResult r = new Linter(List.of(rule), config)
                .lint("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), null);
        assertThat(r.dockerfile()).as("parses:\n%s", dockerfile).isNotNull();
        return r.findings();
    }

    /** "line:column message" of each finding, for compact assertions. */
    public static List<String> where(Rule rule, String dockerfile) {
        return lint(rule, dockerfile).stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList();
    }
}
