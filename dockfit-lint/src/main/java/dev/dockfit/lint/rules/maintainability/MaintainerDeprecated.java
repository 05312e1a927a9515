package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;

@RuleDoc(id = "DF700", title = "MAINTAINER is deprecated", severity = Severity.WARNING,
        practice = Practice.MAINTAINABILITY,
        why = "MAINTAINER has been deprecated since Docker 1.13; a LABEL carries the same information in a form "
                + "tools read (org.opencontainers.image.authors).",
        bad = """
                FROM alpine:3.20
                MAINTAINER Jane Doe <jane@example.com>
                """,
        good = """
                FROM alpine:3.20
                LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
                """,
        hadolint = "DL4000", trivy = "DS-0022", buildkit = "MaintainerDeprecated")
public final class MaintainerDeprecated extends Rule {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> maintainers = ctx.instructions("MAINTAINER");
        for (int n = 0; n < maintainers.size(); n++) {
            ctx.report(maintainers.get(n),
                    "MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors=\"...\"");
        }
    }
}
