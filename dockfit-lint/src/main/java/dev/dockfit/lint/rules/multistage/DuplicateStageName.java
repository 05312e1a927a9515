package dev.dockfit.lint.rules.multistage;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.util.HashMap;
import java.util.Map;

@RuleDoc(id = "DF104", title = "Duplicate stage name", severity = Severity.ERROR, practice = Practice.MULTI_STAGE,
        why = "Stage names must be unique (case-insensitively): BuildKit rejects the file, and older builders "
                + "silently copy from the wrong stage.",
        bad = """
                FROM node:22 AS build
                RUN npm ci

                FROM node:22 AS build
                RUN npm run build
                """,
        good = """
                FROM node:22 AS deps
                RUN npm ci

                FROM deps AS build
                RUN npm run build
                """,
        hadolint = "DL3024", trivy = "DS-0012", buildkit = "DuplicateStageName")
public final class DuplicateStageName extends Rule {

    @Override
    public void check(LintContext ctx) {
        Map<String, Stage> seen = new HashMap<>();
        for (Stage s : ctx.model().stages()) {
            Arg name = StageRefs.nameArg(s.from());
            if (name == null || s.name() == null) continue;
            Stage first = seen.putIfAbsent(s.name(), s);
            if (first != null) {
                ctx.report(name.span(), "stage name '" + name.value() + "' is already used on line "
                        + ctx.file().range(first.from().span()).start().line() + ": give each stage its own name");
            }
        }
    }
}
