package dev.dockfit.cli.lint;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.Invocation;
import dev.dockfit.cli.Json;
import dev.dockfit.cli.LintConfigLookup;
import dev.dockfit.cli.PathRunConsumer;
import dev.dockfit.cli.UserError;
import dev.dockfit.cli.Version;
import dev.dockfit.cli.report.CheckedSource;
import dev.dockfit.cli.report.Checkstyle;
import dev.dockfit.cli.report.GitlabCodeQuality;
import dev.dockfit.cli.report.Gnu;
import dev.dockfit.cli.report.JsonReport;
import dev.dockfit.cli.report.Junit;
import dev.dockfit.cli.report.Sarif;
import dev.dockfit.cli.report.Thresholds;
import dev.dockfit.cli.report.TtyReport;
import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.AllRules;
import dev.dockfit.lint.LintConfig;
import dev.dockfit.lint.Linter;
import dev.dockfit.lint.RuleInfo;
import dev.dockfit.lint.config.ConfigOverrides;
import dev.dockfit.lint.config.ConfigSearch;
import dev.dockfit.lint.config.LintConfigs;
import dev.dockfit.lint.config.RuleIds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dockfit lint FILE|DIR|- ...}: checks Dockerfiles against the five practices and everything peers check. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check Dockerfiles: least privilege, multi-stage builds, base images, layer cache, image size,",
                "security, correctness. Directories are searched for Dockerfile, Containerfile, *.Dockerfile and Dockerfile.*."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above the failure threshold", "1:a finding at or above it",
                "2:usage or configuration error", "3:a file cannot be read or written"})
public final class LintCommand implements Callable<Integer> {
    enum Format { tty, json, sarif, checkstyle, junit, gitlab, gnu }

    /** Fewer files than this are linted on the calling thread (starting threads costs more than it saves). */
    private static final int PARALLEL_FROM = 16;

    /**
     * One Dockerfile to lint, with its configuration and the linter for that configuration.
     *
     * @param argument    named on the command line: it may turn out to name a directory, or nothing
     * @param stdin       the bytes of standard input, read before the files (null for a file)
     * @param stdinError  why standard input could not be read, or null
     * @param configError why its configuration cannot be used, or null (then linter is null); reported once every
     *                    argument is known to name files, as when the inputs were listed before their configurations
     */
    private record Job(DockerfileInputs.Input input, boolean argument, byte[] stdin, IOException stdinError, Path dir,
                       LintConfig config, Linter linter, UserError configError) {
    }

    /**
     * A linted source: for the JSON format only its part of the report ({@link JsonReport.Part}), for the others its
     * findings; or why it could not be read, and for an argument, what it names instead of a readable file.
     */
    private record Outcome(CheckedSource checked, JsonReport.Part json, String readError, DockerfileInputs.Named named) {
        static Outcome unread(String why, DockerfileInputs.Named named) {
            return new Outcome(null, null, why, named);
        }
    }

    /**
     * Reads and lints one source, renders its JSON findings for that format, and keeps its text for a format that
     * quotes lines; runs on the worker threads.
     */
    private static Outcome lint(Job j, boolean json, boolean quotesLines) {
        if (j.stdinError() != null) return Outcome.unread(j.stdinError().getMessage(), null);
        byte[] bytes = j.stdin();
        if (bytes == null) {
            try {
                bytes = FileBytes.read(j.input().file());
            } catch (IOException e) {
                return Outcome.unread(e.getMessage(), j.argument() ? DockerfileInputs.afterFailedRead(j.input().file()) : null);
            }
        }
        if (j.configError() != null) return Outcome.unread(null, null); // the run stops with that error
        String name = j.input().name();
        List<Finding> findings = j.linter().lint(name, bytes, j.dir()).findings();
        if (json) return new Outcome(null, JsonReport.Part.of(findings), null, null);
        CheckedSource checked = quotesLines ? CheckedSource.of(name, bytes, findings) : CheckedSource.withoutText(name, findings);
        return new Outcome(checked, null, null, null);
    }

    private final Invocation invocation;

    @Spec
    CommandSpec spec;

    public LintCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Dockerfiles, directories, or - for standard input",
            parameterConsumer = PathRunConsumer.class)
    List<String> paths;

    @Option(names = {"-f", "--format"}, defaultValue = "tty", paramLabel = "FORMAT",
            description = "tty, json, sarif, checkstyle, junit, gitlab or gnu (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report here instead of stdout")
    Path output;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "configuration file (.dockfit.yaml format, or hadolint's when its name contains 'hadolint'); default: searched")
    Path config;

    @Option(names = "--failure-threshold", paramLabel = "SEVERITY",
            description = "exit 1 when a finding has this severity or worse: error, warning, info, style, none (default: warning)")
    String failureThreshold;

    @Option(names = "--ignore", paramLabel = "RULE", description = "do not report this rule (DF id or hadolint id; repeatable)")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--enable", paramLabel = "RULE", description = "run this opt-in rule (repeatable)")
    List<String> enable = new ArrayList<>();

    @Option(names = "--trusted-registry", paramLabel = "REGISTRY", description = "a registry FROM may use (repeatable)")
    List<String> trustedRegistries = new ArrayList<>();

    @Option(names = "--no-inline-ignores", description = "disregard '# dockfit ignore=' and '# hadolint ignore=' comments")
    boolean noInlineIgnores;

    @Option(names = "--no-color", description = "no ANSI colours (also off when NO_COLOR is set or stdout is not a terminal)")
    boolean noColor;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "lint up to N files at a time (default: one per processor); the output is the same")
    Integer jobs;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    @Override
    public Integer call() {
        int threads = threads();
        List<RuleInfo> rules = AllRules.infos();
        LintConfigs configs = new LintConfigs(invocation.resolve(config), ConfigSearch.fromEnvironment(invocation.env()),
                overrides(rules), rules);
        PrintWriter err = spec.commandLine().getErr();
        // LintConfigs hands out one instance per configuration file; identity keys also spare hashing a record
        Map<LintConfig, Linter> linters = new IdentityHashMap<>();
        boolean json = format == Format.json;
        // Files are independent and rules keep no state: read and lint many on every core, keep the input order.
        // Only the text and the findings are kept: holding every file's model until the report is written made the
        // collector copy hundreds of megabytes over a large run. The arguments are read as files first; what they
        // name otherwise is known afterwards.
        List<Job> named = new ArrayList<>(paths.size());
        for (DockerfileInputs.Input in : DockerfileInputs.arguments(paths, invocation.cwd())) {
            named.add(job(in, true, configs, linters));
        }
        List<Outcome> first = lintAll(named, threads);
        // In argument order, as when inputs were listed before anything was read: an argument naming nothing stops
        // the run; a directory stands for the Dockerfiles below it, linted next.
        List<Job> todo = new ArrayList<>(named.size());
        List<Outcome> outcomes = new ArrayList<>(named.size());
        List<Job> below = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            Job j = named.get(i);
            Outcome o = first.get(i);
            if (o.named() == DockerfileInputs.Named.NOTHING) throw DockerfileInputs.nothingAt(j.input());
            if (o.named() == DockerfileInputs.Named.DIRECTORY) {
                for (DockerfileInputs.Input in : DockerfileInputs.below(j.input())) {
                    Job found = job(in, false, configs, linters);
                    todo.add(found);
                    below.add(found);
                    outcomes.add(null);
                }
            } else {
                todo.add(j);
                outcomes.add(o);
            }
        }
        for (Job j : todo) {
            if (j.configError() != null) throw j.configError();
        }
        List<Outcome> belowOutcomes = lintAll(below, threads);
        for (int i = 0, k = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) == null) outcomes.set(i, belowOutcomes.get(k++));
        }
        List<CheckedSource> checked = new ArrayList<>(json ? 0 : outcomes.size());
        List<JsonReport.Part> jsonParts = new ArrayList<>(json ? outcomes.size() : 0);
        boolean ioError = false;
        boolean failed = false;
        for (int i = 0; i < todo.size(); i++) {
            Outcome o = outcomes.get(i);
            if (o.readError() != null) {
                err.println("dockfit lint: " + todo.get(i).input().name() + ": cannot read: " + o.readError());
                ioError = true;
                continue;
            }
            Severity threshold = todo.get(i).config().failureThreshold();
            if (json) {
                jsonParts.add(o.json());
                if (threshold != null && o.json().reaches(threshold)) failed = true;
            } else {
                checked.add(o.checked());
                if (threshold != null && Thresholds.fails(o.checked().findings(), threshold)) failed = true;
            }
        }
        write(checked, jsonParts, rules);
        if (ioError) return ExitCodes.IO;
        return failed ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** A job for an input; standard input is read here, in argument order, before any file. */
    private Job job(DockerfileInputs.Input in, boolean argument, LintConfigs configs, Map<LintConfig, Linter> linters) {
        byte[] stdin = null;
        IOException stdinError = null;
        if (in.isStdin()) {
            try {
                stdin = invocation.stdin().readAllBytes();
            } catch (IOException e) {
                stdinError = e;
            }
        }
        Path dir = in.isStdin() ? null : in.file().getParent();
        try {
            LintConfig c = LintConfigLookup.forDirectory(configs, dir == null ? invocation.cwd() : dir, "lint");
            return new Job(in, argument, stdin, stdinError, dir, c, linters.computeIfAbsent(c, Linter::withAllRules), null);
        } catch (UserError e) {
            return new Job(in, argument, stdin, stdinError, dir, null, null, e);
        }
    }

    private List<Outcome> lintAll(List<Job> jobs, int threads) {
        boolean json = format == Format.json;
        boolean quotesLines = format == Format.tty || format == Format.gitlab; // code frames; fingerprints of line text
        return InOrderParallel.map(jobs, jobs.size() >= PARALLEL_FROM ? threads : 1, j -> lint(j, json, quotesLines));
    }

    private int threads() {
        if (jobs == null) return Runtime.getRuntime().availableProcessors();
        if (jobs < 1) throw new UserError(ExitCodes.USAGE, "dockfit lint: --jobs must be at least 1, not " + jobs);
        return jobs;
    }

    private ConfigOverrides overrides(List<RuleInfo> rules) {
        Severity threshold = null;
        boolean never = false;
        if (failureThreshold != null) {
            if (failureThreshold.equalsIgnoreCase("none")) {
                never = true;
            } else {
                try {
                    threshold = Severity.parse(failureThreshold);
                } catch (IllegalArgumentException e) {
                    throw new UserError(ExitCodes.USAGE, "dockfit lint: --failure-threshold: " + e.getMessage());
                }
            }
        }
        return new ConfigOverrides(ruleIds(ignore, "--ignore", rules), ruleIds(enable, "--enable", rules),
                trustedRegistries, threshold, never, noInlineIgnores);
    }

    private static Set<String> ruleIds(List<String> ids, String option, List<RuleInfo> rules) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            for (String part : id.split(",")) {
                if (part.isBlank()) continue;
                Set<String> found = RuleIds.resolve(part, rules, true);
                if (found.isEmpty()) throw new UserError(ExitCodes.USAGE, "dockfit lint: " + option + ": unknown rule '" + part.strip() + "'");
                out.addAll(found);
            }
        }
        return out;
    }

    /**
     * @param checked   the sources, for every format but JSON
     * @param jsonParts for the JSON format, each source's part
     */
    private void write(List<CheckedSource> checked, List<JsonReport.Part> jsonParts, List<RuleInfo> rules) {
        try (Writer w = output == null ? null : Files.newBufferedWriter(invocation.resolve(output), StandardCharsets.UTF_8)) {
            PrintWriter out = w == null ? spec.commandLine().getOut() : new PrintWriter(w);
            switch (format) {
                case tty -> TtyReport.write(checked, out, colour());
                case json -> {
                    // UTF-8 straight into the caller's bytes when they are known (a served run): the report is
                    // megabytes over a large run, and encoding it again through the writer was a tenth of the run
                    OutputStream bytes = w == null ? invocation.stdoutBytes() : null;
                    out.flush();
                    if (bytes != null) {
                        JsonReport.write(bytes, jsonParts, Version.number());
                    } else {
                        ByteArrayOutputStream document = new ByteArrayOutputStream(1 << 16);
                        JsonReport.write(document, jsonParts, Version.number());
                        out.write(document.toString(StandardCharsets.UTF_8));
                    }
                }
                case sarif -> Json.write(out, Sarif.logWithHelp(CheckedSource.allFindings(checked), Version.number(),
                        RuleHelpText.of(rules)));
                case checkstyle -> Checkstyle.write(checked, out);
                case junit -> Junit.write(checked, out);
                case gitlab -> Json.write(out, GitlabCodeQuality.toJson(checked));
                case gnu -> Gnu.write(checked, out);
            }
            out.flush();
            if (out.checkError()) throw new IOException("write failed");
        } catch (IOException e) {
            throw new UserError(ExitCodes.IO, "dockfit lint: cannot write " + (output == null ? "output" : output)
                    + " (" + e.getMessage() + ")");
        }
    }

    /** Colour on a terminal only, and never with --no-color or NO_COLOR (https://no-color.org). */
    private boolean colour() {
        return !noColor && output == null && invocation.colourAllowed();
    }
}
