package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.RunScript;

@RuleDoc(id = "DF617", title = "Pipe in RUN without pipefail", severity = Severity.WARNING,
        practice = Practice.CORRECTNESS,
        why = "A pipeline's status is that of its last command: in curl ... | tar x a failed download still "
                + "passes the build. set -o pipefail (or a SHELL with -o pipefail) makes any failure count.",
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
public final class PipeWithoutPipefail implements Rule {

    @Override
    public void check(LintContext ctx) {
        for (Instruction run : ctx.instructions()) {
            if (!run.is("RUN") || ctx.shellSetsPipefail(run)) continue;
            for (RunScript rs : ctx.scripts(run)) {
                if (!rs.script().hasPipeline() || rs.script().setsPipefail()) continue;
                SimpleCommand first = rs.script().commands().stream()
                        .filter(c -> c.inPipeline() && !c.inSubstitution()).findFirst().orElseThrow();
                ctx.report(rs.span(first), "a failure before the pipe is ignored: add SHELL [\"/bin/bash\", \"-o\", "
                        + "\"pipefail\", \"-c\"] before this RUN, or start the script with set -o pipefail");
            }
        }
    }
}
