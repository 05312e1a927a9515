package dev.dockfit.lint.fix;

import java.util.List;

/**
 * A whole-file transformation that applies one of the five practices (user creation, manifests first, slim base):
 * it reads the model and proposes edits, and proposes nothing once the file follows the practice, so the fix
 * loop ends.
 */
public interface FileFix {

    /** The rule whose findings this transformation resolves ({@code --only} selects by it). */
    String rule();

    List<Proposal> propose(FixInput in);
}
