package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;

@RuleDoc(id = "DF611", title = "COPY to a relative destination without WORKDIR", severity = Severity.WARNING,
        practice = Practice.CORRECTNESS,
        why = "A relative destination lands in the base image's working directory, often / : files end up "
                + "scattered over the root of the image. Set WORKDIR first (in this stage or a stage it builds on). "
                + "Stages built FROM scratch are not reported: their directory is / and nothing else.",
        bad = """
                FROM node:20-slim
                COPY package.json package-lock.json ./
                """,
        good = """
                FROM node:20-slim
                WORKDIR /app
                COPY package.json package-lock.json ./
                """,
        hadolint = "DL3045")
public final class CopyRelativeDestination extends Rule {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> all = ctx.instructions();
        for (int n = 0; n < all.size(); n++) {
            Instruction i = all.get(n);
            if (!(i.is("COPY") || i.is("ADD")) || i.args().size() < 2) continue;
            Arg dest = i.args().get(i.args().size() - 1);
            String path = StageFacts.resolved(ctx, i, dest.value());
            if (path == null || path.isEmpty() || StageFacts.isAbsolute(path)) continue;
            if (StageFacts.setBefore(ctx, i, "WORKDIR") || StageFacts.inScratchStage(ctx, i)) continue;
            ctx.report(dest.span(), i.keyword() + " to relative '" + path + "' with no WORKDIR set: add WORKDIR "
                    + "before it or use an absolute destination");
        }
    }
}
