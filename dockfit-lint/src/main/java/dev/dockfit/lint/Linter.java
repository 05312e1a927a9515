package dev.dockfit.lint;

import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.parser.DockerfileParseException;
import dev.dockfit.dockerfile.parser.DockerfileParser;
import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.finding.Location;
import dev.dockfit.lint.LintContext.Reported;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the enabled rules over a Dockerfile and applies the configuration and inline ignores. */
public final class Linter {
    /**
     * The order of a file's findings: by line, column, then rule id. Written out, not a comparator chain: each
     * link of a chain is a megamorphic call that C1 (the lint server's compiler) cannot inline.
     */
    private static final Comparator<Reported> BY_PLACE_THEN_RULE = new Comparator<>() {
        @Override
        public int compare(Reported a, Reported b) {
            Location x = a.finding().location();
            Location y = b.finding().location();
            if (x.line() != y.line()) return Integer.compare(x.line(), y.line());
            if (x.column() != y.column()) return Integer.compare(x.column(), y.column());
            return a.finding().rule().compareTo(b.finding().rule());
        }
    };
    /** The enabled rules, and the metadata of each (same index): arrays, read per rule per file (hot). */
    private final Rule[] rules;
    private final RuleInfo[] infos;
    private final Map<String, RuleInfo> byId = new HashMap<>();
    private final LintConfig config;

    public Linter(List<Rule> rules, LintConfig config) {
        this.rules = rules.stream().filter(r -> config.runs(r.info())).toArray(Rule[]::new);
        this.infos = new RuleInfo[this.rules.length];
        for (int i = 0; i < infos.length; i++) infos[i] = this.rules[i].info();
        for (RuleInfo info : infos) byId.put(info.id(), info);
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
        for (int i = 0; i < rules.length; i++) {
            ctx.startRule(infos[i]);
            rules[i].check(ctx);
        }
        List<Reported> reported = ctx.reported();
        Suppressions suppressions = config.inlineIgnores() && !reported.isEmpty() && Suppressions.anyIn(df)
                ? new Suppressions(df) : null;
        List<Reported> kept = suppressions == null ? reported : new ArrayList<>(reported.size());
        if (suppressions != null) {
            for (int i = 0; i < reported.size(); i++) {
                Reported r = reported.get(i);
                if (!suppressions.suppressed(ruleInfo(r.finding().rule()), r.finding())) kept.add(r);
            }
        }
        kept.sort(BY_PLACE_THEN_RULE);
        return new LintResult(df.path(), df, kept);
    }

    private RuleInfo ruleInfo(String id) {
        RuleInfo info = byId.get(id);
        if (info == null) throw new IllegalStateException("finding of unknown rule " + id);
        return info;
    }
}
