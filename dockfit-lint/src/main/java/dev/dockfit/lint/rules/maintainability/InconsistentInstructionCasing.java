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
public final class InconsistentInstructionCasing extends Rule {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> all = ctx.instructions();
        int upper = 0;
        int lower = 0;
        for (int n = 0; n < all.size(); n++) {
            String k = all.get(n).writtenKeyword();
            if (keepsCase(k, true)) upper++;
            else if (keepsCase(k, false)) lower++;
        }
        boolean wantUpper = upper >= lower;
        for (int n = 0; n < all.size(); n++) {
            Instruction i = all.get(n);
            String k = i.writtenKeyword();
            if (keepsCase(k, wantUpper)) continue;
            String want = wantUpper ? k.toUpperCase(Locale.ROOT) : k.toLowerCase(Locale.ROOT);
            ctx.report(i.keywordSpan(), "write " + want + " like the other instructions ("
                    + (wantUpper ? "upper" : "lower") + " case)");
        }
    }

    /**
     * Whether upper-casing (or lower-casing) leaves the keyword as it is; no copy made for an ASCII one (hot: per
     * instruction).
     */
    private static boolean keepsCase(String k, boolean upper) {
        char first = upper ? 'a' : 'A'; // the ASCII letters the case change would alter
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c >= 0x80) return k.equals(upper ? k.toUpperCase(Locale.ROOT) : k.toLowerCase(Locale.ROOT));
            if (c >= first && c <= first + 25) return false;
        }
        return true;
    }
}
