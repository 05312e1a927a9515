package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;
import java.util.Locale;

@RuleDoc(id = "DF702", title = "Instruction casing differs from the rest of the file", severity = Severity.STYLE,
        practice = Practice.MAINTAINABILITY,
        why = "Instructions are case-insensitive, but a file mixing RUN and run (or Run) is harder to read and "
                + "to search. The majority casing of the file wins.",
        bad = """
                FROM alpine:3.20
                run apk add --no-cache curl
                COPY app.sh /usr/local/bin/
                """,
        good = """
                FROM alpine:3.20
                RUN apk add --no-cache curl
                COPY app.sh /usr/local/bin/
                """,
        buildkit = "ConsistentInstructionCasing")
public final class InconsistentInstructionCasing implements Rule {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> all = ctx.instructions();
        int upper = 0;
        int lower = 0;
        for (int n = 0; n < all.size(); n++) {
            String k = all.get(n).writtenKeyword();
            if (isUpperCase(k)) upper++;
            else if (isLowerCase(k)) lower++;
        }
        boolean wantUpper = upper >= lower;
        for (int n = 0; n < all.size(); n++) {
            Instruction i = all.get(n);
            String k = i.writtenKeyword();
            if (wantUpper ? isUpperCase(k) : isLowerCase(k)) continue;
            String want = wantUpper ? k.toUpperCase(Locale.ROOT) : k.toLowerCase(Locale.ROOT);
            ctx.report(i.keywordSpan(), "write " + want + " like the other instructions ("
                    + (wantUpper ? "upper" : "lower") + " case)");
        }
    }

    /** Whether upper-casing leaves the keyword as it is; no copy made for an ASCII one (hot: per instruction). */
    private static boolean isUpperCase(String k) {
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c >= 0x80) return k.equals(k.toUpperCase(Locale.ROOT));
            if (c >= 'a' && c <= 'z') return false;
        }
        return true;
    }

    /** Whether lower-casing leaves the keyword as it is; no copy made for an ASCII one. */
    private static boolean isLowerCase(String k) {
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c >= 0x80) return k.equals(k.toLowerCase(Locale.ROOT));
            if (c >= 'A' && c <= 'Z') return false;
        }
        return true;
    }
}
