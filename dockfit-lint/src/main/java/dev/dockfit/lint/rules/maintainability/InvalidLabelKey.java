package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;
import java.util.regex.Pattern;

@RuleDoc(id = "DF710", title = "Label key not in the recommended format", severity = Severity.STYLE,
        practice = Practice.MAINTAINABILITY,
        why = "Label keys should be lower-case reverse-DNS names (letters, digits, '.' and '-', starting with a "
                + "letter and ending with a letter or digit) outside the com.docker., io.docker. and "
                + "org.dockerproject. namespaces, so tools can find them and keys from different owners cannot clash.",
        bad = """
                FROM alpine:3.20
                LABEL Version=1.0
                """,
        good = """
                FROM alpine:3.20
                LABEL org.opencontainers.image.version=1.0
                """,
        hadolint = "DL3048")
public final class InvalidLabelKey extends Rule {
    private static final Pattern ALLOWED_CHARS = Pattern.compile("[a-z0-9.-]+");
    private static final Pattern LETTER_FIRST_ALNUM_LAST = Pattern.compile("[a-z].*[a-z0-9]|[a-z]");
    private static final List<String> RESERVED = List.of("com.docker.", "io.docker.", "org.dockerproject.");

    @Override
    public void check(LintContext ctx) {
        List<Instruction> labels = ctx.instructions("LABEL");
        for (int n = 0; n < labels.size(); n++) {
            Instruction i = labels.get(n);
            for (int k = 0; k + 1 < i.args().size(); k += 3) {
                var keyArg = i.args().get(k);
                String key = ctx.model().expand(i, keyArg.value()).filter(e -> e.unset().isEmpty())
                        .map(e -> e.value()).orElse(null);
                if (key == null) continue;
                String problem = problem(key);
                if (problem != null) ctx.report(keyArg.span(), "label key '" + key + "' " + problem);
            }
        }
    }

    private static String problem(String key) {
        for (String r : RESERVED) {
            if (key.startsWith(r)) return "uses the reserved " + r + " namespace: use your own reverse-DNS prefix";
        }
        if (!ALLOWED_CHARS.matcher(key).matches()) return "should use only lower-case letters, digits, '.' and '-'";
        if (!LETTER_FIRST_ALNUM_LAST.matcher(key).matches()) return "should start with a letter and end with a letter or digit";
        if (key.contains("..") || key.contains("--")) return "should not repeat '.' or '-'";
        return null;
    }
}
