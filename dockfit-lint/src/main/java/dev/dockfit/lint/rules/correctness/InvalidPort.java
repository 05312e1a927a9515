package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

@RuleDoc(id = "DF613", title = "EXPOSE of an invalid port", severity = Severity.ERROR,
        practice = Practice.CORRECTNESS,
        why = "Ports go from 0 to 65535, ranges low to high, and the protocol is tcp, udp or sctp; anything else "
                + "fails the build or exposes nothing. ARG and ENV values are resolved first.",
        bad = """
                FROM nginx:1.27-alpine
                ARG PORT=80800
                EXPOSE ${PORT}
                """,
        good = """
                FROM nginx:1.27-alpine
                ARG PORT=8080
                EXPOSE ${PORT}
                """,
        hadolint = "DL3011", trivy = "DS-0008")
public final class InvalidPort extends Rule {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern PORT_DIGITS = Pattern.compile("\\d{1,10}");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");

    @Override
    public void check(LintContext ctx) {
        List<Instruction> exposes = ctx.instructions("EXPOSE");
        for (int n = 0; n < exposes.size(); n++) {
            Instruction i = exposes.get(n);
            for (Arg a : i.args()) {
                var expanded = ctx.model().expand(i, a.value());
                if (expanded.isEmpty() || !expanded.get().unset().isEmpty()) continue;
                for (String word : WHITESPACE.split(expanded.get().value().strip())) {
                    if (word.isEmpty()) continue;
                    String problem = problem(word);
                    if (problem != null) ctx.report(a.span(), "EXPOSE " + word + ": " + problem);
                }
            }
        }
    }

    /** What is wrong with one {@code port[-port][/proto]} word (the container part of a mapping), or null. */
    static String problem(String word) {
        String w = word.substring(word.lastIndexOf(':') + 1);
        int slash = w.indexOf('/');
        String ports = slash < 0 ? w : w.substring(0, slash);
        if (slash >= 0 && !PROTOCOLS.contains(w.substring(slash + 1).toLowerCase(Locale.ROOT))) {
            return "unknown protocol '" + w.substring(slash + 1) + "': use tcp, udp or sctp";
        }
        String[] range = ports.split("-", -1);
        if (range.length > 2) return "not a port or a port range";
        long[] n = new long[range.length];
        for (int k = 0; k < range.length; k++) {
            if (!PORT_DIGITS.matcher(range[k]).matches()) return "'" + ports + "' is not a port number";
            n[k] = Long.parseLong(range[k]);
            if (n[k] > 65535) return "port " + n[k] + " is out of range: ports go from 0 to 65535";
        }
        if (n.length == 2 && n[1] < n[0]) return "the range " + ports + " ends before it starts";
        return null;
    }
}
