package dev.dockfit.lint;

import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.parser.DockerfileParseException;
import dev.dockfit.dockerfile.parser.DockerfileParser;
import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.finding.Finding;
import dev.dockfit.lint.LintContext.Reported;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs the enabled rules over a Dockerfile and applies the configuration and inline ignores. */
public final class Linter {
    private final List<Rule> rules;
    private final LintConfig config;

    public Linter(List<Rule> rules, LintConfig config) {
        this.rules = rules.stream().filter(r -> config.runs(r.info())).toList();
        this.config = config;
    }

    public static Linter withAllRules(LintConfig config) {
        return new Linter(AllRules.all(), config);
    }

    /** Parses and lints; a parse error becomes the single DF000 finding of the file. */
    public LintResult lint(String path, byte[] bytes, Path contextDir) {
        Dockerfile df;
        try {
            df = DockerfileParser.parse(path, bytes);
        } catch (DockerfileParseException e) {
            return new LintResult(path, null, List.of(new Reported(ParseErrorFinding.of(path, e), null)));
        }
        return lint(df, contextDir);
    }

    public LintResult lint(Dockerfile df, Path contextDir) {
        LintContext ctx = new LintContext(BuildModel.of(df), contextDir, config);
        for (Rule rule : rules) {
            ctx.startRule(rule.info());
            rule.check(ctx);
        }
        Suppressions suppressions = config.inlineIgnores() ? new Suppressions(df) : null;
        List<Reported> kept = new ArrayList<>();
        for (Reported r : ctx.reported()) {
            RuleInfo info = ruleInfo(r.finding().rule());
            if (suppressions != null && suppressions.suppressed(info, instructionAt(df, r.finding()))) continue;
            kept.add(r);
        }
        kept.sort(Comparator.comparingInt((Reported r) -> r.finding().location().line())
                .thenComparingInt(r -> r.finding().location().column())
                .thenComparing(r -> r.finding().rule()));
        return new LintResult(df.path(), df, kept);
    }

    private RuleInfo ruleInfo(String id) {
        for (Rule r : rules) if (r.info().id().equals(id)) return r.info();
        throw new IllegalStateException("finding of unknown rule " + id);
    }

    /** The top-level instruction a finding points into (ignore comments sit above it). */
    private static Instruction instructionAt(Dockerfile df, Finding f) {
        if (!f.location().hasPosition()) return null;
        int line = f.location().line();
        Instruction found = null;
        for (Instruction i : df.instructions()) {
            int start = df.range(i.span()).start().line();
            int end = df.range(i.span()).end().line();
            if (line >= start && line <= end) return i;
            if (start <= line) found = i;
        }
        return found;
    }
}
