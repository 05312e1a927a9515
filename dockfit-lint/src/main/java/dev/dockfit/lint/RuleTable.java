package dev.dockfit.lint;

import java.util.List;

/** The Markdown table of every rule (docs/rules.md), rendered from the rules' own metadata so it cannot drift. */
public final class RuleTable {
    private RuleTable() {
    }

    public static String markdown(List<RuleInfo> rules) {
        StringBuilder b = new StringBuilder();
        b.append("# dockfit lint rules\n\n")
                .append("Generated from the rules' `@RuleDoc` metadata by `RuleTableTest` (dockfit-lint); do not edit by hand.\n")
                .append("Regenerate with `./mvnw -q -pl dockfit-lint -am test -Dtest=RuleTableTest -Dsurefire.failIfNoSpecifiedTests=false -Ddockfit.updateDocs=true`.\n\n")
                .append("Opt-in rules (marked *opt-in*) run only when enabled (`--enable` or `enable:` in `.dockfit.yaml`).\n\n")
                .append("| id | title | practice | severity | hadolint | Trivy | BuildKit |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (RuleInfo r : rules) {
            b.append("| ").append(r.id()).append(" | ").append(cell(r.title()))
                    .append(r.enabledByDefault() ? "" : " *opt-in*").append(" | ")
                    .append(r.practice().id()).append(" | ").append(r.severity().id()).append(" | ")
                    .append(ids(r.hadolint())).append(" | ").append(ids(r.trivy())).append(" | ")
                    .append(ids(r.buildkit())).append(" |\n");
        }
        b.append('\n').append(rules.size()).append(" rules.\n");
        return b.toString();
    }

    private static String ids(List<String> ids) {
        return ids.isEmpty() ? "" : cell(String.join(", ", ids));
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
