package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;

@RuleDoc(id = "DF612", title = "COPY of several sources to a destination without a trailing /",
        severity = Severity.ERROR, practice = Practice.CORRECTNESS,
        why = "With more than one source the destination must be a directory written with a trailing slash; "
                + "otherwise the build fails.",
        bad = """
                FROM node:20-slim
                WORKDIR /app
                COPY package.json package-lock.json /app
                """,
        good = """
                FROM node:20-slim
                WORKDIR /app
                COPY package.json package-lock.json /app/
                """,
        hadolint = "DL3021", trivy = "DS-0011")
public final class MultiSourceCopyDestination extends Rule {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> all = ctx.instructions();
        for (int n = 0; n < all.size(); n++) {
            Instruction i = all.get(n);
            if (!(i.is("COPY") || i.is("ADD")) || i.args().size() < 3) continue;
            Arg dest = i.args().get(i.args().size() - 1);
            String path = StageFacts.resolved(ctx, i, dest.value());
            if (path == null || path.endsWith("/") || path.endsWith("\\") || path.equals(".") || path.equals("..")) {
                continue;
            }
            ctx.report(dest.span(), i.keyword() + " with " + (i.args().size() - 1) + " sources needs a directory "
                    + "destination ending in '/': write " + dest.value() + "/");
        }
    }
}
