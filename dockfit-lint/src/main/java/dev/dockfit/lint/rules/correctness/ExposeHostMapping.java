package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;

@RuleDoc(id = "DF614", title = "EXPOSE with an IP address or host port", severity = Severity.WARNING,
        practice = Practice.CORRECTNESS,
        why = "EXPOSE documents a container port; it cannot bind an address or publish a host port. The build "
                + "drops the IP and host part, so the Dockerfile says something that does not happen.",
        bad = """
                FROM nginx:1.27-alpine
                EXPOSE 127.0.0.1:8080:80
                """,
        good = """
                FROM nginx:1.27-alpine
                EXPOSE 80
                """,
        buildkit = "ExposeInvalidFormat")
public final class ExposeHostMapping extends Rule {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> exposes = ctx.instructions("EXPOSE");
        for (int n = 0; n < exposes.size(); n++) {
            Instruction i = exposes.get(n);
            for (Arg a : i.args()) {
                String word = ctx.model().expand(i, a.value()).map(e -> e.value()).orElse(a.value());
                if (!word.contains(":")) continue;
                String port = word.substring(word.lastIndexOf(':') + 1);
                ctx.report(a.span(), "EXPOSE cannot set an IP address or host port: write EXPOSE " + port
                        + " and publish with docker run -p");
            }
        }
    }
}
