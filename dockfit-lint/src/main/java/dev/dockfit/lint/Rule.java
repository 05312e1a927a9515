package dev.dockfit.lint;

/**
 * One check. A rule reads the semantic model and the shell analysis through {@link LintContext} and
 * reports findings there; it never re-parses source text. Its metadata is its {@link RuleDoc}.
 */
public interface Rule {

    void check(LintContext ctx);

    default RuleInfo info() {
        return RuleInfo.of(getClass());
    }
}
