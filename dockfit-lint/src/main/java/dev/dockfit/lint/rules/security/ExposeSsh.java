package dev.dockfit.lint.rules.security;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

@RuleDoc(id = "DF505", title = "SSH port 22 exposed", severity = Severity.WARNING, practice = Practice.SECURITY,
        why = "A container is not a VM: running sshd in it adds a root-capable service and keys to manage. Use "
                + "docker exec / kubectl exec to get a shell.",
        bad = """
                FROM debian:bookworm-slim
                ARG SSH_PORT=22
                EXPOSE 8080 ${SSH_PORT}/tcp
                """,
        good = """
                FROM debian:bookworm-slim
                EXPOSE 8080
                """,
        trivy = "DS-0004")
public final class ExposeSsh extends Rule {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    @Override
    public void check(LintContext ctx) {
        Set<Integer> shipped = ctx.shippedStages();
        List<Instruction> exposes = ctx.instructions("EXPOSE");
        for (int n = 0; n < exposes.size(); n++) {
            Instruction in = exposes.get(n);
            if (!shipped.contains(in.stage())) continue;
            for (Arg a : in.args()) {
                String v = ctx.model().expand(in, a.value()).map(e -> e.value()).orElse(a.value());
                for (String port : WHITESPACE.split(v)) {
                    if (a.span() != null && covers22(port)) {
                        ctx.report(a.span(), "do not expose SSH (port 22): use docker exec to get a shell");
                    }
                }
            }
        }
    }

    /** {@code 22}, {@code 22/tcp}, or a range containing 22 ({@code 20-25}). */
    static boolean covers22(String spec) {
        String s = spec.contains("/") ? spec.substring(0, spec.indexOf('/')) : spec;
        if (spec.toLowerCase(java.util.Locale.ROOT).endsWith("/udp")) return false;
        try {
            if (s.contains("-")) {
                int lo = Integer.parseInt(s.substring(0, s.indexOf('-')));
                int hi = Integer.parseInt(s.substring(s.indexOf('-') + 1));
                return lo <= 22 && 22 <= hi;
            }
            return Integer.parseInt(s) == 22;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
