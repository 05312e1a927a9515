package dev.dockfit.lint.fix;

import dev.dockfit.dockerfile.parser.DockerfileParser;
import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Location;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintConfig;
import dev.dockfit.lint.LintContext.Reported;
import dev.dockfit.lint.Linter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Test helpers: run the engine on text, or one finding fix on a finding placed by hand. */
final class Fixing {
    private Fixing() {
    }

    static FixResult fix(String dockerfile, FixLevel level, String... only) {
        return fix(dockerfile.getBytes(StandardCharsets.UTF_8), level, null, only);
    }

    static FixResult fix(byte[] dockerfile, FixLevel level, Path context, String... only) {
        FixOptions options = new FixOptions(level, Set.of(only));
        return new FixEngine(Linter.withAllRules(options.linting(LintConfig.DEFAULT)), options)
                .fix("Dockerfile", dockerfile, context);
    }

    static String fixed(String dockerfile, FixLevel level, String... only) {
        return new String(fix(dockerfile, level, only).fixed(), StandardCharsets.UTF_8);
    }

    /** Applies one registered finding fix for a finding of {@code rule} at line:column (as the rule would report). */
    static String applyAt(String rule, String dockerfile, int line, int column) {
        Proposal p = proposeAt(rule, dockerfile, line, column);
        if (p == null || p.refused()) return null;
        byte[] out = EditApplier.apply(dockerfile.getBytes(StandardCharsets.UTF_8), p.fix().edits());
        return new String(out, StandardCharsets.UTF_8);
    }

    static Proposal proposeAt(String rule, String dockerfile, int line, int column) {
        dev.dockfit.dockerfile.model.Dockerfile df;
        try {
            df = DockerfileParser.parse("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8));
        } catch (dev.dockfit.dockerfile.parser.DockerfileParseException e) {
            throw new IllegalArgumentException(e);
        }
        Finding f = new Finding(rule, Severity.INFO, Practice.IMAGE_SIZE, "test",
                new Location("Dockerfile", line, column, line, column));
        Reported r = new Reported(f, null);
        FixInput in = new FixInput(BuildModel.of(df), List.of(r), null);
        return FixRegistry.forRule(rule).orElseThrow().propose(r, in);
    }
}
