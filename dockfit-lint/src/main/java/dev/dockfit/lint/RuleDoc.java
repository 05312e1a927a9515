package dev.dockfit.lint;

import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Everything known about a rule, in one place on the rule's class (as Error Prone's {@code @BugPattern}).
 * The {@link #bad()} and {@link #good()} examples are Dockerfiles: the rule must report on the first and
 * stay silent on the second; {@code RuleExamplesTest} runs them for every rule.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleDoc {
    /** Stable id: {@code DF} and three digits. */
    String id();

    String title();

    Severity severity();

    Practice practice();

    /** Why it matters, in a sentence or two. */
    String why();

    /** A Dockerfile the rule reports on. */
    String bad();

    /** The same Dockerfile done right: the rule stays silent. */
    String good();

    /** Equivalent hadolint ids (their ignore pragmas are honoured for this rule). */
    String[] hadolint() default {};

    /** Equivalent Trivy misconfiguration ids (AVD-DS-xxxx written as DS-xxxx). */
    String[] trivy() default {};

    /** Equivalent BuildKit build-check names. */
    String[] buildkit() default {};

    /** False for opt-in rules, which run only when the configuration enables them. */
    boolean enabledByDefault() default true;
}
