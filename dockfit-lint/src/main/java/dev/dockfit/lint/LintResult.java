package dev.dockfit.lint;

import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.finding.Finding;
import dev.dockfit.lint.LintContext.Reported;
import java.util.List;

/**
 * The outcome of linting one file: findings in file order (with their fixes), and the parsed file
 * (null when it did not parse: then the only finding is DF000).
 */
public record LintResult(String file, Dockerfile dockerfile, List<Reported> reported) {
    public LintResult {
        reported = List.copyOf(reported);
    }

    public List<Finding> findings() {
        return reported.stream().map(Reported::finding).toList();
    }
}
