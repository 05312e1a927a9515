package dev.dockfit.lint.rules.multistage;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.Locale;
import java.util.regex.Pattern;

@RuleDoc(id = "DF107", title = "Invalid stage name", severity = Severity.ERROR, practice = Practice.MULTI_STAGE,
        why = "BuildKit accepts only stage names that start with a letter and hold letters, digits, '-', '_' and "
                + "'.': any other name fails the build.",
        bad = """
                FROM alpine:3.22 AS 1st
                RUN echo hi > /hi
                """,
        good = """
                FROM alpine:3.22 AS first
                RUN echo hi > /hi
                """)
public final class InvalidStageName extends Rule {
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-_.]*");

    @Override
    public void check(LintContext ctx) {
        for (Stage s : ctx.model().stages()) {
            Arg name = StageRefs.nameArg(s.from());
            if (name == null || VALID.matcher(name.value().toLowerCase(Locale.ROOT)).matches()) continue;
            ctx.report(name.span(), "'" + name.value() + "' is not a valid stage name: start with a letter and use "
                    + "only letters, digits, '-', '_' and '.'");
        }
    }
}
