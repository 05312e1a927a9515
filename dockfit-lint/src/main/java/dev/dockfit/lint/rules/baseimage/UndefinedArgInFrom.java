package dev.dockfit.lint.rules.baseimage;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Flag;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.TreeSet;

@RuleDoc(id = "DF208", title = "FROM uses an ARG that is not declared before the first FROM",
        severity = Severity.WARNING, practice = Practice.BASE_IMAGE,
        why = "FROM sees only the ARGs declared before the first FROM (and BuildKit's platform ARGs). An ARG "
                + "declared inside a stage, or not at all, expands to nothing: the stage builds on another image "
                + "than intended, or the build fails.",
        bad = """
                FROM alpine:3.22 AS base
                ARG VARIANT=slim
                FROM python:3.13-${VARIANT}
                """,
        good = """
                ARG VARIANT=slim
                FROM alpine:3.22 AS base
                FROM python:3.13-${VARIANT}
                """,
        buildkit = "UndefinedArgInFrom")
public final class UndefinedArgInFrom extends Rule {

    @Override
    public void check(LintContext ctx) {
        for (Stage s : ctx.model().stages()) {
            Arg arg = BaseImages.imageArg(s);
            if (arg == null) continue;
            if (!s.base().unresolved().isEmpty()) reportUnresolved(ctx, s, arg);
            // BuildKit checks the --platform value too, where a misspelt $BUILDPLATFORM hides
            Flag platform = s.from().flag("platform").orElse(null);
            if (platform == null || platform.value() == null) continue;
            var e = ctx.model().expand(s.from(), platform.value());
            if (e.isEmpty() || e.get().unset().isEmpty()) continue;
            for (String name : new TreeSet<>(e.get().unset())) {
                if (!ctx.model().globalScope().isDeclared(name)) ctx.report(platform.span(), message(name));
            }
        }
    }

    private static void reportUnresolved(LintContext ctx, Stage s, Arg arg) {
        for (String name : new TreeSet<>(s.base().unresolved())) {
            if (ctx.model().globalScope().isDeclared(name)) continue;
            ctx.report(spanOf(arg, name), message(name));
        }
    }

    private static String message(String name) {
        return "FROM uses " + name + ", which no ARG before the first FROM declares (nor BuildKit's platform ARGs): "
                + "declare ARG " + name + "=<default> at the top of the file, or fix the name";
    }

    /** The {@code $NAME} / {@code ${NAME}} inside the word, else the whole word. */
    private static Span spanOf(Arg arg, String name) {
        String bytes = arg.bytes();
        if (bytes == null || arg.span() == null || bytes.length() != arg.span().length()) return arg.span();
        int at = bytes.indexOf("${" + name);
        int len = name.length() + 2;
        if (at >= 0) {
            int close = bytes.indexOf('}', at);
            len = close < 0 ? len : close + 1 - at;
        } else {
            at = bytes.indexOf("$" + name);
            len = name.length() + 1;
        }
        return at < 0 ? arg.span() : new Span(arg.span().start() + at, arg.span().start() + at + len);
    }
}
