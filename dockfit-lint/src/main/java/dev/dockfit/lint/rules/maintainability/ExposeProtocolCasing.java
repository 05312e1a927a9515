package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;
import java.util.Locale;

@RuleDoc(id = "DF706", title = "EXPOSE protocol not in lower case", severity = Severity.STYLE,
        practice = Practice.MAINTAINABILITY,
        why = "Protocols are written tcp, udp and sctp; other spellings are accepted only for compatibility.",
        bad = """
                FROM coredns/coredns:1.11.3
                EXPOSE 53/UDP
                """,
        good = """
                FROM coredns/coredns:1.11.3
                EXPOSE 53/udp
                """,
        buildkit = "ExposeProtoCasing")
public final class ExposeProtocolCasing extends Rule {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> exposes = ctx.instructions("EXPOSE");
        for (int n = 0; n < exposes.size(); n++) {
            Instruction i = exposes.get(n);
            for (Arg a : i.args()) {
                int slash = a.value().indexOf('/');
                if (slash < 0) continue;
                String proto = a.value().substring(slash + 1);
                String lower = proto.toLowerCase(Locale.ROOT);
                if (!proto.equals(lower) && !proto.contains("$")) {
                    ctx.report(a.span(), "write the protocol in lower case: " + a.value().substring(0, slash + 1)
                            + lower);
                }
            }
        }
    }
}
