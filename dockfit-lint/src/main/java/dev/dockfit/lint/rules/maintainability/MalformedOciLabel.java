package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

@RuleDoc(id = "DF718", title = "OCI image label with a malformed value", severity = Severity.INFO,
        practice = Practice.MAINTAINABILITY,
        why = "Registries, scanners and SBOM tools read the org.opencontainers.image.* labels: created must be an "
                + "RFC 3339 date-time, url, source and documentation absolute URLs. A malformed value is dropped "
                + "or misread. ARG and ENV values are resolved first; unresolved values are skipped.",
        bad = """
                FROM alpine:3.20
                LABEL org.opencontainers.image.created="2024-05-01 10:00" \\
                      org.opencontainers.image.source=github.com/example/app
                """,
        good = """
                FROM alpine:3.20
                LABEL org.opencontainers.image.created="2024-05-01T10:00:00Z" \\
                      org.opencontainers.image.source=https://github.com/example/app
                """,
        hadolint = {"DL3052", "DL3053"})
public final class MalformedOciLabel extends Rule {
    private static final String PREFIX = "org.opencontainers.image.";
    private static final Set<String> URL_KEYS = Set.of("url", "source", "documentation");

    @Override
    public void check(LintContext ctx) {
        List<Instruction> labels = ctx.instructions("LABEL");
        for (int n = 0; n < labels.size(); n++) {
            Instruction i = labels.get(n);
            for (int k = 0; k + 1 < i.args().size(); k += 3) {
                String key = resolved(ctx, i, i.args().get(k).value());
                if (key == null || !key.startsWith(PREFIX)) continue; // the value is expanded for OCI keys only
                String value = resolved(ctx, i, i.args().get(k + 1).value());
                if (value == null || value.isEmpty()) continue;
                String name = key.substring(PREFIX.length());
                String problem = name.equals("created") ? dateProblem(value)
                        : URL_KEYS.contains(name) ? urlProblem(value) : null;
                if (problem != null) ctx.report(i.args().get(k + 1).span(), key + " " + problem);
            }
        }
    }

    private static String resolved(LintContext ctx, Instruction at, String word) {
        return ctx.model().expand(at, word).filter(e -> e.unset().isEmpty()).map(e -> e.value()).orElse(null);
    }

    private static String dateProblem(String value) {
        try {
            OffsetDateTime.parse(value);
            return null;
        } catch (DateTimeParseException e) {
            return "must be an RFC 3339 date-time such as 2024-05-01T10:00:00Z, not '" + value + "'";
        }
    }

    private static String urlProblem(String value) {
        try {
            URI uri = new URI(value);
            if (uri.isAbsolute() && uri.getHost() != null) return null;
        } catch (URISyntaxException e) {
            // reported below
        }
        return "must be an absolute URL such as https://example.com/app, not '" + value + "'";
    }
}
