package dev.dockfit.lint.rules.multistage;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.Set;

@RuleDoc(id = "DF105", title = "Reserved stage name", severity = Severity.ERROR, practice = Practice.MULTI_STAGE,
        why = "'scratch' names the empty image and 'context' the build context: a stage with either name cannot "
                + "be referred to reliably.",
        bad = """
                FROM alpine:3.22 AS scratch
                RUN echo hi > /hi
                """,
        good = """
                FROM alpine:3.22 AS base
                RUN echo hi > /hi
                """,
        buildkit = "ReservedStageName")
public final class ReservedStageName extends Rule {
    private static final Set<String> RESERVED = Set.of("scratch", "context");

    @Override
    public void check(LintContext ctx) {
        for (Stage s : ctx.model().stages()) {
            Arg name = StageRefs.nameArg(s.from());
            if (name == null || !RESERVED.contains(s.name())) continue;
            ctx.report(name.span(), "'" + s.name() + "' is a reserved name: rename the stage");
        }
    }
}
