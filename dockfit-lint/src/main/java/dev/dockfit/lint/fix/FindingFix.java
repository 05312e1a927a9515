package dev.dockfit.lint.fix;

import dev.dockfit.lint.LintContext.Reported;

/** Repairs one finding of one rule (registered under that rule's id in {@link FixRegistry}). */
public interface FindingFix {

    /** The fix for this finding, a refusal with the reason, or null when the finding gives nothing to do. */
    Proposal propose(Reported finding, FixInput in);
}
