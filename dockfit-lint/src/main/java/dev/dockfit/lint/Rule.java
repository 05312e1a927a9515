package dev.dockfit.lint;

/**
 * One check. A rule reads the semantic model and the shell analysis through {@link LintContext} and
 * reports findings there; it never re-parses source text. Its metadata is its {@link RuleDoc}.
 * An abstract class rather than an interface for speed: the linter calls {@link #check} of ~90 rule classes per
 * file, and on C1 that megamorphic call is a vtable load as a class method, an itable scan as an interface one.
 */
public abstract class Rule {

    public abstract void check(LintContext ctx);

    public RuleInfo info() {
        return RuleInfo.of(getClass());
    }
}
