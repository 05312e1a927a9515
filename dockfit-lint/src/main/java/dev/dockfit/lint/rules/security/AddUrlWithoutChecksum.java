package dev.dockfit.lint.rules.security;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;
import java.util.Locale;

@RuleDoc(id = "DF506", title = "ADD of a remote URL without --checksum", severity = Severity.WARNING,
        practice = Practice.SECURITY,
        why = "ADD <url> trusts whatever the server returns on the day of the build, and BuildKit has to ask the "
                + "server on every build whether the file changed. With --checksum the download is verified and the "
                + "cache is keyed on the checksum. (Also the layer-cache finding for remote ADD.)",
        bad = """
                FROM debian:bookworm-slim
                ADD https://example.com/tool-1.2.tar.gz /tmp/
                """,
        good = """
                # syntax=docker/dockerfile:1.6
                FROM debian:bookworm-slim
                ADD --checksum=sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 \\
                    https://example.com/tool-1.2.tar.gz /tmp/
                """)
public final class AddUrlWithoutChecksum extends Rule {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> adds = ctx.instructions("ADD");
        for (int n = 0; n < adds.size(); n++) {
            Instruction in = adds.get(n);
            if (in.flag("checksum").isPresent() || in.args().size() < 2) continue;
            for (Arg a : in.args().subList(0, in.args().size() - 1)) {
                String v = ctx.model().expand(in, a.value()).map(e -> e.value()).orElse(a.value());
                String l = v.toLowerCase(Locale.ROOT);
                if (a.span() == null || !(l.startsWith("http://") || l.startsWith("https://"))) continue;
                if (l.endsWith(".git") || l.contains(".git#")) continue; // a git repository, not a download
                ctx.report(a.span(), "add --checksum=sha256:<digest> so the download is verified (needs "
                        + "# syntax=docker/dockerfile:1.6), or RUN curl and check it with sha256sum -c");
            }
        }
    }
}
