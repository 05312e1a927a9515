package dev.dockfit.cli.fix;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.InputFiles;
import dev.dockfit.cli.Invocation;
import dev.dockfit.cli.UserError;
import dev.dockfit.cli.report.Thresholds;
import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Practice;
import dev.dockfit.cli.LintConfigLookup;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.AllRules;
import dev.dockfit.lint.LintConfig;
import dev.dockfit.lint.Linter;
import dev.dockfit.lint.config.ConfigOverrides;
import dev.dockfit.lint.config.ConfigSearch;
import dev.dockfit.lint.config.LintConfigs;
import dev.dockfit.lint.fix.FixEngine;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.FixOptions;
import dev.dockfit.lint.fix.FixResult;
import dev.dockfit.lint.fix.Proposal;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dockfit fix}: applies the fixes of lint findings and the five practices, as a diff or in place. */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = "Rewrite Dockerfiles to follow the five practices: print a unified diff (default) or --write.")
public final class FixCommand implements Callable<Integer> {

    enum Level { safe, recommended, all }

    private final Invocation invocation;

    public FixCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Dockerfiles to fix")
    List<String> files;

    @Option(names = "--diff", description = "print a unified diff of the changes (the default)")
    boolean diff;

    @Option(names = "--write", description = "replace each file atomically (only if unchanged since it was read)")
    boolean write;

    @Option(names = "--level", defaultValue = "recommended",
            description = "safe, recommended (default) or all: the highest level of fix applied")
    Level level;

    @Option(names = "--only", split = ",", paramLabel = "RULE", description = "fix only these rules (ids, comma-separated)")
    List<String> only;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "configuration file (.dockfit.yaml format, or hadolint's when its name contains 'hadolint'); default: searched")
    Path config;

    @Option(names = "--debug", description = "show stack traces for internal errors")
    boolean debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Set<String> rules = new LinkedHashSet<>();
        if (only != null) {
            for (String r : only) {
                String id = r.strip().toUpperCase(Locale.ROOT);
                if (!id.matches("DF[0-9]{3}")) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--only: not a rule id: " + r);
                }
                rules.add(id);
            }
        }
        FixOptions options = new FixOptions(FixLevel.valueOf(level.name().toUpperCase(Locale.ROOT)), rules);
        LintConfigs configs = new LintConfigs(invocation.resolve(config), ConfigSearch.fromEnvironment(invocation.env()), ConfigOverrides.NONE,
                AllRules.infos());
        // one engine per configuration file (LintConfigs hands out one instance per file)
        Map<LintConfig, FixEngine> engines = new IdentityHashMap<>();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = ExitCodes.OK;
        for (String name : files) {
            if (name.equals("-")) throw new UserError(ExitCodes.USAGE, "fix: standard input is not supported; name a file");
            byte[] bytes = InputFiles.read(invocation, name);
            Path path = invocation.resolve(name);
            Path contextDir = path.getParent();
            LintConfig lintConfig = LintConfigLookup.forDirectory(configs, contextDir, "fix");
            FixEngine engine = engines.computeIfAbsent(lintConfig, c -> new FixEngine(Linter.withAllRules(options.linting(c)), options));
            FixResult result = engine.fix(name, bytes, contextDir);
            if (result.parseError() != null) {
                err.println(result.parseError() + " (not fixed)");
                exit = Math.max(exit, ExitCodes.FINDINGS);
                continue;
            }
            if (write) {
                if (!Arrays.equals(result.original(), result.fixed())) AtomicWrite.replace(path, bytes, result.fixed());
                for (Map.Entry<String, String> f : result.newFiles().entrySet()) {
                    if (!AtomicWrite.createNew(contextDir.resolve(f.getKey()), f.getValue())) {
                        err.println(contextDir.resolve(f.getKey()) + ": exists; left as it is");
                    }
                }
            } else {
                printDiff(out, name, result);
            }
            printSummary(out, name, result);
            Severity threshold = lintConfig.failureThreshold();
            if (threshold != null && Thresholds.fails(result.remaining().findings(), threshold)) {
                exit = Math.max(exit, ExitCodes.FINDINGS);
            }
        }
        out.flush();
        return exit;
    }

    private static void printDiff(PrintWriter out, String name, FixResult r) {
        if (!Arrays.equals(r.original(), r.fixed())) {
            out.print(UnifiedDiff.of(label("a/", name), label("b/", name), new String(r.original(), StandardCharsets.UTF_8),
                    new String(r.fixed(), StandardCharsets.UTF_8)));
        }
        for (Map.Entry<String, String> f : r.newFiles().entrySet()) {
            String file = Path.of(name).resolveSibling(f.getKey()).toString();
            out.print(UnifiedDiff.of("/dev/null", label("b/", file), "", f.getValue()));
        }
    }

    /** git's a/ and b/ prefixes for relative paths; absolute paths as they are. */
    private static String label(String prefix, String name) {
        return name.startsWith("/") ? name : prefix + name;
    }

    /** Per practice: what changed and the expected effect; then the suggestions and what remains. */
    private static void printSummary(PrintWriter out, String name, FixResult r) {
        Map<Practice, List<Proposal>> byPractice = new TreeMap<>();
        for (Proposal p : r.applied()) byPractice.computeIfAbsent(p.practice(), k -> new java.util.ArrayList<>()).add(p);
        out.println(name + ": " + r.applied().size() + " fix(es) applied, " + r.suggestions().size() + " suggestion(s)");
        for (var e : byPractice.entrySet()) {
            out.println("  " + e.getKey().id() + ":");
            for (Proposal p : e.getValue()) {
                out.println("    [" + p.rule() + "] " + p.fix().description() + (p.effect() == null ? "" : " -> " + p.effect()));
            }
        }
        for (Proposal p : r.suggestions()) {
            out.println("  suggestion [" + p.rule() + "] " + p.fix().description() + ": not applied: " + p.refusal());
        }
        List<Finding> left = r.remaining().findings();
        if (!left.isEmpty()) out.println("  " + left.size() + " finding(s) remain: run 'dockfit lint " + name + "'");
    }
}
