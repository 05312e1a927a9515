package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;
import java.util.List;

@RuleDoc(id = "DF704", title = "cd in RUN instead of WORKDIR", severity = Severity.WARNING,
        practice = Practice.MAINTAINABILITY,
        why = "A cd lasts only until the end of its RUN; the next instruction starts in WORKDIR again. WORKDIR "
                + "states the directory once for every later instruction and is easier to follow. Only a cd that "
                + "starts the RUN is reported: a build script that changes directory midway is left alone.",
        bad = """
                FROM node:20-slim
                COPY . /app
                RUN cd /app && npm ci
                """,
        good = """
                FROM node:20-slim
                WORKDIR /app
                COPY . .
                RUN npm ci
                """,
        hadolint = "DL3003", trivy = "DS-0013")
public final class CdInRun extends Rule {

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("cd")) return; // reports only on cd
        List<Instruction> runs = ctx.instructions("RUN");
        for (int n = 0; n < runs.size(); n++) {
            Instruction run = runs.get(n);
            List<RunScript> scripts = ctx.scripts(run);
            for (int s = 0; s < scripts.size(); s++) {
                RunScript rs = scripts.get(s);
                // A RUN that starts with cd wants a WORKDIR; a cd later in a build script is that script's business.
                var commands = rs.script().commands();
                if (commands.isEmpty()) continue;
                SimpleCommand c = commands.get(0);
                if (!c.name().equals("cd") || c.inSubstitution() || c.words().size() < 2) continue;
                ctx.report(rs.span(c), "use WORKDIR " + c.words().get(1).literal() + " instead of starting the RUN "
                        + "with cd: cd only lasts until the end of this RUN");
            }
        }
    }
}
