package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.model.Comment;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.List;

@RuleDoc(id = "DF719", title = "Stage or ARG comment not in '# <name> <description>' form",
        severity = Severity.STYLE, practice = Practice.MAINTAINABILITY,
        why = "Build tools (docker buildx build --call=outline) show the comment right above a named stage or an "
                + "ARG as its description only when it starts with the name. Opt-in, as in BuildKit, where the "
                + "check is experimental: most comments above FROM and ARG are not meant as descriptions.",
        bad = """
                # Version of the app to build
                ARG APP_VERSION=1.0
                FROM alpine:3.20
                """,
        good = """
                # APP_VERSION of the app to build
                ARG APP_VERSION=1.0
                FROM alpine:3.20
                """,
        buildkit = "InvalidDefinitionDescription", enabledByDefault = false)
public final class DefinitionDescription extends Rule {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> all = ctx.instructions();
        for (int n = 0; n < all.size(); n++) {
            Instruction i = all.get(n);
            String name = definedName(i);
            if (name == null) continue;
            Comment above = commentRightAbove(ctx, i);
            if (above == null || above.text().isEmpty()) continue;
            String first = above.text().split("\\s+", 2)[0];
            if (!first.equals(name)) {
                ctx.report(above.span(), "start this comment with '" + name + "' so it becomes the description of "
                        + (i.is("FROM") ? "stage " : "ARG ") + name);
            }
        }
    }

    /** The stage name of FROM ... AS name, or the name of a single-name ARG; null otherwise. */
    private static String definedName(Instruction i) {
        List<String> a = i.argValues();
        if (i.is("FROM") && a.size() == 3 && a.get(1).equalsIgnoreCase("AS")) return a.get(2);
        if (i.is("ARG") && a.size() == 1) {
            int eq = a.get(0).indexOf('=');
            return eq < 0 ? a.get(0) : a.get(0).substring(0, eq);
        }
        return null;
    }

    /** The comment on the line just above the instruction, or null. */
    private static Comment commentRightAbove(LintContext ctx, Instruction i) {
        List<Comment> before = ctx.file().commentsBefore(i);
        if (before.isEmpty()) return null;
        Comment last = before.get(before.size() - 1);
        int commentLine = ctx.file().range(last.span()).start().line();
        int instructionLine = ctx.file().range(i.keywordSpan()).start().line();
        if (commentLine != instructionLine - 1) return null;
        // The description block starts at the first of the adjacent comment lines.
        Comment first = last;
        for (int k = before.size() - 2; k >= 0; k--) {
            int line = ctx.file().range(before.get(k).span()).start().line();
            if (line != ctx.file().range(first.span()).start().line() - 1) break;
            first = before.get(k);
        }
        return first;
    }
}
