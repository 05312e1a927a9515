package dev.dockfit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lints a Dockerfile text with one rule enabled (opt-in or not) and locates tokens for position asserts. */
public final class RuleHarness {
    private RuleHarness() {
    }

    public static List<Finding> lint(Rule rule, String dockerfile) {
        return lint(rule, dockerfile, null);
    }

    public static List<Finding> lint(Rule rule, String dockerfile, Path contextDir) {
        LintConfig config = new LintConfig(Set.of(), Set.of(rule.info().id()), Map.of(), Severity.STYLE, List.of(),
                Map.of(), true);
        LintResult r = new Linter(List.of(rule), config)
                .lint("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), contextDir);
        assertThat(r.dockerfile()).as("test Dockerfile parses").isNotNull();
        return r.findings();
    }

    /** The 1-based line and column of the first occurrence of {@code token} at or after line {@code fromLine}. */
    public static int[] position(String dockerfile, String token, int fromLine) {
        String[] lines = dockerfile.split("\n", -1);
        for (int i = fromLine - 1; i < lines.length; i++) {
            int at = lines[i].indexOf(token);
            if (at >= 0) return new int[] {i + 1, at + 1};
        }
        throw new AssertionError("no " + token + " in the test Dockerfile");
    }

    /** Asserts exactly one finding, starting at the first occurrence of {@code token}. */
    public static Finding singleAt(List<Finding> findings, String dockerfile, String token) {
        int[] p = position(dockerfile, token, 1);
        assertThat(findings).as("findings").hasSize(1);
        Finding f = findings.get(0);
        assertThat(new int[] {f.location().line(), f.location().column()}).as("position of %s", token).containsExactly(p);
        return f;
    }
}
