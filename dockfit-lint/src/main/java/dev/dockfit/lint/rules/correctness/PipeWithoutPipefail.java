package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.Names;
import dev.dockfit.lint.support.RunScript;
import java.util.List;

@RuleDoc(id = "DF617", title = "Pipe in RUN without pipefail", severity = Severity.WARNING,
        practice = Practice.CORRECTNESS,
        why = "A pipeline's status is that of its last command: in curl ... | tar x a failed download still "
                + "passes the build (pipes fed only by echo, printf or yes, and pipes into grep -q or head, which stop "
                + "reading early, are not reported). "
                + "set -o pipefail (or a SHELL with -o pipefail) makes any failure count.",
        bad = """
                FROM debian:bookworm-slim
                RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin
                """,
        good = """
                FROM debian:bookworm-slim
                SHELL ["/bin/bash", "-o", "pipefail", "-c"]
                RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin
                """,
        hadolint = "DL4006", trivy = "DS-0032")
public final class PipeWithoutPipefail extends Rule {
    /** Commands feeding a pipe whose failure would not matter (echo "$sum  file" | sha256sum -c). */
    private static final Names CANNOT_FAIL = Names.of("echo", "printf", "yes", "true");

    @Override
    public void check(LintContext ctx) {
        List<Instruction> runs = ctx.instructions("RUN");
        for (int n = 0; n < runs.size(); n++) {
            Instruction run = runs.get(n);
            if (ctx.shellSetsPipefail(run)) continue;
            List<RunScript> scripts = ctx.scripts(run);
            for (int s = 0; s < scripts.size(); s++) {
                RunScript rs = scripts.get(s);
                // a risky feeder is in a pipeline outside substitutions: no need to ask hasPipeline() first
                SimpleCommand feeder = firstRiskyFeeder(rs.script().commands());
                if (feeder == null || rs.script().setsPipefail()) continue;
                ctx.report(rs.span(feeder), "a failure before the pipe is ignored: add SHELL [\"/bin/bash\", \"-o\", "
                        + "\"pipefail\", \"-c\"] before this RUN, or start the script with set -o pipefail");
            }
        }
    }

    /**
     * The first command feeding a pipe whose failure pipefail would catch: not echo-like, and not piped into
     * {@code grep -q} or {@code head}, which stop reading early (pipefail would then fail on SIGPIPE).
     */
    private static SimpleCommand firstRiskyFeeder(List<SimpleCommand> commands) {
        for (int k = 0; k < commands.size(); k++) {
            SimpleCommand c = commands.get(k);
            if (!c.inPipeline() || c.inSubstitution() || c.pipelineIndex() == c.pipelineSize() - 1
                    || CANNOT_FAIL.contains(c.name())) continue;
            SimpleCommand last = lastOfPipeline(commands, k);
            if (last != null && readsPartially(last)) continue;
            return c;
        }
        return null;
    }

    private static SimpleCommand lastOfPipeline(List<SimpleCommand> commands, int from) {
        SimpleCommand feeder = commands.get(from);
        for (int k = from + 1; k < commands.size(); k++) {
            SimpleCommand c = commands.get(k);
            if (c.inSubstitution() || c.pipelineSize() != feeder.pipelineSize()) continue;
            if (c.pipelineIndex() == c.pipelineSize() - 1) return c;
        }
        return null;
    }

    private static boolean readsPartially(SimpleCommand c) {
        return c.name().equals("head") || c.name().equals("grep") && c.hasFlag("-q", "--quiet", "--silent");
    }
}
