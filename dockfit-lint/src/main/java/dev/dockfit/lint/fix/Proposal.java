package dev.dockfit.lint.fix;

import dev.dockfit.finding.Practice;
import java.util.List;

/**
 * What one fix offers for a file: the {@link Fix} (its edits), the rule and practice it answers, the expected
 * effect (shown in the summary), or, when it cannot be applied safely, the reason (then it is printed as a
 * suggestion and its edits, if any, are never applied).
 */
public record Proposal(String rule, Practice practice, Fix fix, String effect, String refusal) {

    public static Proposal of(String rule, Practice practice, Fix fix, String effect) {
        return new Proposal(rule, practice, fix, effect, null);
    }

    /** A fix that cannot be applied safely: {@code what} it would do and {@code why} not. */
    public static Proposal refused(String rule, Practice practice, FixLevel level, String what, String why) {
        return new Proposal(rule, practice, new Fix(what, level, List.of()), null, why);
    }

    public boolean refused() {
        return refusal != null;
    }

    /** The same fix refused for {@code reason} (an overlap or an edit that breaks the file). */
    public Proposal refuse(String reason) {
        return new Proposal(rule, practice, fix, effect, reason);
    }
}
