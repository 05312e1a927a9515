package dev.dockfit.lint.rules.correctness;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.Names;

@RuleDoc(id = "DF604", title = "Exec form that is not valid JSON", severity = Severity.ERROR,
        practice = Practice.CORRECTNESS,
        why = "An exec form that is not a JSON array of double-quoted strings (single quotes, a trailing comma) "
                + "silently becomes the shell form: the shell then tries to run '[' with the brackets and quotes as "
                + "arguments. SHELL accepts only the JSON form.",
        bad = """
                FROM python:3.12-slim
                CMD ['python', 'app.py']
                """,
        good = """
                FROM python:3.12-slim
                CMD ["python", "app.py"]
                """)
public final class ExecFormNotJson extends Rule {
    private static final Names EXEC_FORM = Names.of("RUN", "CMD", "ENTRYPOINT", "SHELL");

    @Override
    public void check(LintContext ctx) {
        for (Instruction i : Keywords.withOnbuildChildren(ctx.instructions())) {
            if (i.isJson()) continue;
            String text = commandText(i);
            if (text == null) continue;
            if (i.is("SHELL")) {
                ctx.report(i, "SHELL needs the JSON form: SHELL [\"/bin/bash\", \"-c\"]");
            } else if (looksLikeBrokenJson(text)) {
                ctx.report(i.argsText().span(0, i.argsText().text().length()), i.keyword()
                        + " is not a valid JSON array, so it runs in a shell: use double quotes and no trailing comma");
            }
        }
    }

    /** The text that would be the exec form, or null when the instruction has none. */
    private static String commandText(Instruction i) {
        String text = i.argsText().text();
        if (EXEC_FORM.contains(i.keyword())) return text;
        if (i.is("HEALTHCHECK") && text.regionMatches(true, 0, "CMD", 0, 3) && !i.args().isEmpty()) {
            return text.substring(3).strip();
        }
        return null;
    }

    /**
     * {@code ['a', 'b']}, {@code ["a",]}: bracketed, and with a comma or a quote right after the bracket, so a
     * shell test such as {@code [ -f x ]} is not mistaken for it.
     */
    private static boolean looksLikeBrokenJson(String text) {
        if (!text.startsWith("[") || !text.endsWith("]")) return false;
        String inner = text.substring(1, text.length() - 1).strip();
        return inner.contains(",") && (inner.startsWith("'") || inner.startsWith("\"") || inner.startsWith("‘")
                || inner.startsWith("“"))
                || inner.startsWith("'") && inner.endsWith("'");
    }
}
