package dev.dockfit.lint.rules.imagesize;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Set;

@RuleDoc(id = "DF406", title = "Both curl and wget used in the image", severity = Severity.INFO,
        practice = Practice.IMAGE_SIZE,
        why = "curl and wget do the same job; an image that needs both carries two download tools and their "
                + "libraries. Only stages whose filesystem ships are counted.",
        bad = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y --no-install-recommends curl wget \\
                    && rm -rf /var/lib/apt/lists/*
                RUN curl -fsSLo /tmp/a https://example.com/a
                RUN wget -qO /tmp/b https://example.com/b
                """,
        good = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y --no-install-recommends curl \\
                    && rm -rf /var/lib/apt/lists/*
                RUN curl -fsSLo /tmp/a https://example.com/a
                RUN curl -fsSLo /tmp/b https://example.com/b
                """,
        hadolint = "DL4001")
public final class CurlAndWget extends Rule {
    /** Varargs arguments made once (C1 allocates each call's array). */
    private static final String[] DOWNLOADERS = {"curl", "wget"};

    @Override
    public void check(LintContext ctx) {
        if (!ctx.runsCommand("curl") || !ctx.runsCommand("wget")) return; // reports only when both run
        Set<Integer> shipped = ctx.shippedStages();
        String first = null;
        int firstLine = 0;
        List<Instruction> runs = ctx.instructions("RUN");
        for (int n = 0; n < runs.size(); n++) {
            Instruction run = runs.get(n);
            if (!shipped.contains(run.stage())) continue;
            List<RunScript> scripts = ctx.scripts(run);
            for (int s = 0; s < scripts.size(); s++) {
                RunScript rs = scripts.get(s);
                List<SimpleCommand> named = rs.script().commandsNamed(DOWNLOADERS);
                for (int k = 0; k < named.size(); k++) {
                    SimpleCommand c = named.get(k);
                    Span at = rs.span(c.words().get(0));
                    if (first == null) {
                        first = c.name();
                        firstLine = ctx.file().range(at).start().line();
                    } else if (!first.equals(c.name())) {
                        ctx.report(at, "this image already uses " + first + " (line " + firstLine + "): use "
                                + first + " here too instead of installing " + c.name());
                        return;
                    }
                }
            }
        }
    }
}
