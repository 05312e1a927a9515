package dev.dockfit.cli.lint;

import dev.dockfit.cli.report.Sarif;
import dev.dockfit.lint.RuleInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A rule's documentation as SARIF help: why it matters, the bad and the good example, equivalent ids. */
final class RuleHelpText {
    private RuleHelpText() {
    }

    static Map<String, Sarif.RuleHelp> of(List<RuleInfo> rules) {
        Map<String, Sarif.RuleHelp> out = new LinkedHashMap<>();
        for (RuleInfo r : rules) out.put(r.id(), help(r));
        return out;
    }

    static Sarif.RuleHelp help(RuleInfo r) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(r.title()).append("** (").append(r.practice().id()).append(")\n\n")
                .append(r.why()).append("\n\nBad:\n\n```dockerfile\n").append(r.bad()).append("```\n\nGood:\n\n```dockerfile\n")
                .append(r.good()).append("```\n");
        String same = equivalents(r);
        if (!same.isEmpty()) md.append("\nEquivalent checks: ").append(same).append('\n');
        return new Sarif.RuleHelp(r.title(), r.why(), md.toString());
    }

    static String equivalents(RuleInfo r) {
        List<String> ids = new java.util.ArrayList<>();
        r.hadolint().forEach(h -> ids.add("hadolint " + h));
        r.trivy().forEach(t -> ids.add("Trivy " + t));
        r.buildkit().forEach(b -> ids.add("BuildKit " + b));
        return String.join(", ", ids);
    }
}
