package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;

@RuleDoc(id = "DF602", title = "Instruction before the first FROM", severity = Severity.ERROR,
        practice = Practice.CORRECTNESS,
        why = "Only ARG (and comments and parser directives) may come before the first FROM; anything else has no "
                + "stage to run in and the build fails. A file with no FROM at all builds nothing.",
        bad = """
                LABEL org.opencontainers.image.source=https://example.com/app
                FROM alpine:3.20
                """,
        good = """
                ARG ALPINE=3.20
                FROM alpine:${ALPINE}
                LABEL org.opencontainers.image.source=https://example.com/app
                """,
        hadolint = "DL3061")
public final class InstructionBeforeFrom extends Rule {

    @Override
    public void check(LintContext ctx) {
        for (Instruction i : ctx.instructions()) {
            if (i.is("FROM")) return;
            if (i.is("ARG") || !Keywords.INSTRUCTIONS.contains(i.keyword())) continue;
            ctx.report(i, i.keyword() + " before the first FROM: move it after FROM (only ARG may come first)");
        }
        if (!ctx.instructions().isEmpty()) {
            ctx.report(ctx.instructions().get(0), "the Dockerfile has no FROM: add one to start a stage");
        }
    }
}
