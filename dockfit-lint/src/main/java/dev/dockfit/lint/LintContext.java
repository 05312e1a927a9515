package dev.dockfit.lint;

import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.model.FixedList;
import dev.dockfit.dockerfile.model.Flag;
import dev.dockfit.dockerfile.model.Heredoc;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.MappedText;
import dev.dockfit.dockerfile.model.Range;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.dockerfile.shell.ShellParser;
import dev.dockfit.dockerfile.shell.ShellScript;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Location;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.kb.ImageKnowledge;
import dev.dockfit.lint.support.BuildCommands;
import dev.dockfit.lint.support.Mount;
import dev.dockfit.lint.support.RunScript;
import dev.dockfit.lint.support.ShippedStages;
import dev.dockfit.lint.support.StageChain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a rule sees: the semantic model, the shell analysis of every RUN (computed once and shared by all
 * rules), the knowledge base, the user's options, and {@code report} to add findings.
 */
public final class LintContext {
    private static final Pattern SHORT_O_FLAG = Pattern.compile("-[a-zA-Z]*o");
    private static final Set<String> POSIX_SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh");

    private final BuildModel model;
    private final Path contextDir;
    private final LintConfig config;
    /** The scripts of each instruction of the file, by {@link Instruction#position()} (hot: an array read per ask). */
    private final List<RunScript>[] scriptsAt;
    /** {@link #commands(Instruction)} of each instruction of the file, by position, as first asked for. */
    private final List<RunCommand>[] commandsAt;
    /** The scripts of instructions at no position in the file (ONBUILD's), made on first use. */
    private Map<Instruction, List<RunScript>> scriptsElsewhere;
    private InstructionsByKeyword byKeyword; // made on first use
    // Per-file facts several rules need, computed on first use (each rule asking again would cost it again)
    private Map<Instruction, List<Mount>> mounts; // made on first use: an IdentityHashMap allocates its table at once
    private final Map<Integer, List<Stage>> chains = new HashMap<>();
    private final Map<Integer, Optional<BuildCommands.Found>> builds = new HashMap<>();
    private Set<Integer> shipped;
    private Map<Instruction, Instruction> shells;
    private Set<String> commandNames;
    private Map<Object, Object> shared; // made on first use
    private final List<Reported> reported = new ArrayList<>();
    private RuleInfo current;

    /** A finding and, when the rule can repair it, the fix. */
    public record Reported(Finding finding, Fix fix) {
    }

    @SuppressWarnings("unchecked")
    LintContext(BuildModel model, Path contextDir, LintConfig config) {
        this.model = model;
        this.contextDir = contextDir;
        this.config = config;
        this.scriptsAt = (List<RunScript>[]) new List<?>[model.dockerfile().instructions().size()];
        this.commandsAt = (List<RunCommand>[]) new List<?>[scriptsAt.length];
    }

    void startRule(RuleInfo rule) {
        this.current = rule;
    }

    List<Reported> reported() {
        return reported;
    }

    public BuildModel model() {
        return model;
    }

    public Dockerfile file() {
        return model.dockerfile();
    }

    /** The directory holding the Dockerfile (the usual build context), or empty for standard input. */
    public Optional<Path> contextDir() {
        return Optional.ofNullable(contextDir);
    }

    public ImageKnowledge kb() {
        return ImageKnowledge.get();
    }

    public LintConfig config() {
        return config;
    }

    /** The options the user set for the running rule. */
    public Map<String, Object> options() {
        return config.options(current.id());
    }

    public boolean isFinal(Stage stage) {
        Optional<Stage> last = model.finalStage(); // no capturing lambda per call (C1 allocates it)
        return last.isPresent() && last.get().index() == stage.index();
    }

    /** The stage and the stages it builds on, nearest first ({@link StageChain#of}). */
    public List<Stage> stageChain(Stage stage) {
        // hot: rules ask per stage; get-then-put allocates no capturing lambda per call
        List<Stage> chain = chains.get(stage.index());
        if (chain == null) {
            chain = FixedList.copyOf(StageChain.of(model, stage));
            chains.put(stage.index(), chain);
        }
        return chain;
    }

    /** The last stage of the chain: its base is an external image or scratch ({@link StageChain#root}). */
    public Stage stageRoot(Stage stage) {
        List<Stage> chain = stageChain(stage);
        return chain.get(chain.size() - 1);
    }

    /** The indexes of the stages whose filesystem ends up in the built image ({@link ShippedStages#of}). */
    public Set<Integer> shippedStages() {
        if (shipped == null) shipped = Collections.unmodifiableSet(ShippedStages.of(model)); // a view: no copy
        return shipped;
    }

    /** The first build step in the stage's lineage ({@link BuildCommands#firstIn}). */
    public Optional<BuildCommands.Found> firstBuild(Stage stage) {
        Optional<BuildCommands.Found> found = builds.get(stage.index());
        if (found == null) {
            found = BuildCommands.firstIn(this, stage);
            builds.put(stage.index(), found);
        }
        return found;
    }

    /**
     * What {@code compute} derives from this file, computed by the first rule that asks and shared with the others
     * that ask with the same {@code key} (a constant of the class that computes it): facts two rules need are paid
     * for once per file.
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(Object key, Function<LintContext, T> compute) {
        if (shared == null) shared = new HashMap<>();
        Object value = shared.get(key); // get-then-put: no capturing lambda per call
        if (value == null) {
            value = compute.apply(this);
            shared.put(key, value);
        }
        return (T) value;
    }

    /**
     * The file's instructions in order, the ARGs before the first FROM included; an ONBUILD is listed as itself
     * (the instruction it wraps is its {@link Instruction#child()}).
     */
    public List<Instruction> instructions() {
        return byKeyword().all(); // the same instructions in a list of the class every keyword's list has (hot)
    }

    /**
     * The instructions of {@link #instructions()} whose keyword is this one ({@link Instruction#is}), in file
     * order: an ONBUILD is one of {@code instructions("ONBUILD")}, the instruction it wraps is in no list.
     * Read-only and shared by every rule (hot: a rule about RUN visits only the RUNs, with no test of each).
     */
    public List<Instruction> instructions(String upperCaseKeyword) {
        return byKeyword().get(upperCaseKeyword);
    }

    private InstructionsByKeyword byKeyword() {
        if (byKeyword == null) byKeyword = new InstructionsByKeyword(file().instructions());
        return byKeyword;
    }

    /** A command in the shell scripts of a RUN, with the RUN and the script it stands in ({@link #runCommands}). */
    public record RunCommand(Instruction run, RunScript script, SimpleCommand command) {
    }

    /** The commands named {@code name} in the scripts of every RUN, in file order (RUN, script, command). */
    public List<RunCommand> runCommands(String name) {
        return commandsOfRuns(name, null);
    }

    /** The commands named one of {@code names} in the scripts of every RUN, in file order. */
    public List<RunCommand> runCommands(String... names) {
        return commandsOfRuns(null, names);
    }

    /** Hot: rules ask for commands most files never run, so finding none allocates nothing. */
    /**
     * Every command of a RUN's scripts, in order, each with its script (for positions): one loop for the rules
     * that look at a RUN's commands one by one. Empty for the exec form.
     */
    public List<RunCommand> commands(Instruction run) {
        int at = run.position();
        boolean own = at >= 0 && at < commandsAt.length && byKeyword().all().get(at) == run;
        if (own && commandsAt[at] != null) return commandsAt[at];
        List<RunScript> scripts = scripts(run);
        int count = 0;
        for (int s = 0; s < scripts.size(); s++) count += scripts.get(s).script().commands().size();
        RunCommand[] found = new RunCommand[count];
        count = 0;
        for (int s = 0; s < scripts.size(); s++) {
            RunScript rs = scripts.get(s);
            List<SimpleCommand> commands = rs.script().commands();
            for (int k = 0; k < commands.size(); k++) found[count++] = new RunCommand(run, rs, commands.get(k));
        }
        List<RunCommand> list = FixedList.wrap(found); // the lists here are FixedLists, as the model's
        if (own) commandsAt[at] = list;
        return list;
    }

    private List<RunCommand> commandsOfRuns(String name, String[] names) {
        List<RunCommand> found = null;
        List<Instruction> runs = instructions("RUN");
        for (int n = 0; n < runs.size(); n++) {
            Instruction run = runs.get(n);
            List<RunScript> scripts = scripts(run);
            for (int s = 0; s < scripts.size(); s++) {
                RunScript rs = scripts.get(s);
                List<SimpleCommand> named = names == null ? rs.script().commandsNamed(name) : rs.script().commandsNamed(names);
                for (int k = 0; k < named.size(); k++) {
                    if (found == null) found = new ArrayList<>();
                    found.add(new RunCommand(run, rs, named.get(k)));
                }
            }
        }
        return found == null ? FixedList.of() : FixedList.copyOf(found);
    }

    /**
     * The POSIX shell scripts a RUN executes: its shell-form text, plus each heredoc body that the shell
     * runs ({@code RUN <<EOF}, {@code RUN bash <<EOF}). Empty for the exec form or a non-POSIX SHELL.
     */
    public List<RunScript> scripts(Instruction run) {
        // hot: every shell rule asks for every RUN
        int at = run.position();
        if (at >= 0 && at < scriptsAt.length && byKeyword().all().get(at) == run) { // FixedList-typed: inlined
            List<RunScript> found = scriptsAt[at];
            if (found == null) {
                found = computeScripts(run);
                scriptsAt[at] = found;
            }
            return found;
        }
        if (scriptsElsewhere == null) scriptsElsewhere = new IdentityHashMap<>();
        List<RunScript> found = scriptsElsewhere.get(run); // get-then-put: no capturing lambda per call
        if (found == null) {
            found = computeScripts(run);
            scriptsElsewhere.put(run, found);
        }
        return found;
    }

    private List<RunScript> computeScripts(Instruction run) {
        if (run.isJson() || !runsPosixShell(run)) return FixedList.of();
        MappedText text = run.argsText();
        var script = ShellParser.parse(text.text());
        RunScript line = new RunScript(script, text);
        if (run.heredocs().isEmpty() || !bodiesAreScripts(script)) return FixedList.of(line);
        List<RunScript> out = new ArrayList<>();
        out.add(line);
        for (Heredoc h : run.heredocs()) {
            MappedText body = MappedText.of(file().source(), bodySpan(h));
            out.add(new RunScript(ShellParser.parse(body.text()), body));
        }
        return FixedList.copyOf(out);
    }

    /** True when every command of the RUN line is a POSIX shell (or it has none): the heredoc bodies are its scripts. */
    private static boolean bodiesAreScripts(ShellScript script) {
        List<SimpleCommand> commands = script.commands();
        for (int i = 0; i < commands.size(); i++) {
            SimpleCommand c = commands.get(i);
            if (!c.words().isEmpty() && !POSIX_SHELLS.contains(c.name())) return false;
        }
        return true;
    }

    /** The body without its delimiter line. */
    private static Span bodySpan(Heredoc h) {
        int len = h.content().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return new Span(h.span().start(), h.span().start() + len);
    }

    /** True unless a SHELL instruction in force names a non-POSIX shell (PowerShell, cmd). */
    public boolean runsPosixShell(Instruction run) {
        Instruction shell = shellInForce(run);
        if (shell == null || shell.args().isEmpty()) return true;
        String exe = shell.args().get(0).value();
        String base = exe.substring(exe.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return POSIX_SHELLS.contains(base);
    }

    /** True when the SHELL in force for this RUN already sets {@code -o pipefail} ({@code -o} or {@code -eo}). */
    public boolean shellSetsPipefail(Instruction run) {
        Instruction shell = shellInForce(run);
        if (shell == null) return false;
        List<String> a = shell.argValues();
        for (int i = 0; i + 1 < a.size(); i++) {
            if (SHORT_O_FLAG.matcher(a.get(i)).matches() && a.get(i + 1).equals("pipefail")) return true;
        }
        return false;
    }

    /** The last SHELL before this instruction in its stage, else the one its parent stages ended with. */
    private Instruction shellInForce(Instruction at) {
        if (shells == null) shells = shellsInForce();
        return shells.get(at);
    }

    /** {@link #shellInForce} of every instruction of every stage, in one pass (a stage builds on earlier ones only). */
    private Map<Instruction, Instruction> shellsInForce() {
        if (!anyShellInstruction()) return Map.of(); // most files: every RUN runs /bin/sh, no map to fill
        Map<Instruction, Instruction> out = new IdentityHashMap<>();
        List<Stage> stages = model.stages();
        Instruction[] atEnd = new Instruction[stages.size()];
        for (Stage s : stages) {
            Integer parent = s.base().stage();
            Instruction current = parent == null ? null : atEnd[parent];
            for (Instruction i : s.instructions()) {
                out.put(i, current);
                if (i.is("SHELL")) current = i;
            }
            atEnd[s.index()] = current;
        }
        return out;
    }

    private boolean anyShellInstruction() {
        List<Stage> stages = model.stages();
        for (int s = 0; s < stages.size(); s++) {
            List<Instruction> instructions = stages.get(s).instructions();
            for (int i = 0; i < instructions.size(); i++) if (instructions.get(i).is("SHELL")) return true;
        }
        return false;
    }

    /**
     * True when a shell script of some RUN of the file (an ONBUILD's RUN included) runs a command whose
     * {@link SimpleCommand#name()} is one of {@code names}. A rule about one tool
     * checks this first and skips the files that never run it (most files).
     */
    public boolean runsCommand(String... names) {
        if (commandNames == null) commandNames = commandNames();
        for (String name : names) if (commandNames.contains(name)) return true;
        return false;
    }

    private Set<String> commandNames() {
        Set<String> names = new HashSet<>();
        List<Instruction> all = instructions();
        for (int i = 0; i < all.size(); i++) {
            Instruction in = all.get(i);
            if (in.child() != null) addCommandNames(in.child(), names);
            addCommandNames(in, names);
        }
        return names;
    }

    private void addCommandNames(Instruction in, Set<String> names) {
        if (!in.is("RUN")) return;
        List<RunScript> runScripts = scripts(in);
        for (int s = 0; s < runScripts.size(); s++) {
            List<SimpleCommand> commands = runScripts.get(s).script().commands();
            for (int c = 0; c < commands.size(); c++) names.add(commands.get(c).name());
        }
    }

    /** The {@code --mount} options of a RUN. */
    public List<Mount> mounts(Instruction run) {
        if (mounts == null) mounts = new IdentityHashMap<>();
        List<Mount> m = mounts.get(run);
        if (m == null) {
            m = parseMounts(run);
            mounts.put(run, m);
        }
        return m;
    }

    /** The RUN's {@code --mount} flags parsed, in order (a loop: a stream pipeline costs much more on C1). */
    private static List<Mount> parseMounts(Instruction run) {
        List<Flag> flags = run.flags();
        List<Mount> found = null;
        for (int k = 0; k < flags.size(); k++) {
            Flag f = flags.get(k);
            if (!f.hasName("mount")) continue;
            if (found == null) found = new ArrayList<>(flags.size());
            found.add(Mount.parse(f.value() == null ? "" : f.value()));
        }
        return found == null ? FixedList.of() : FixedList.copyOf(found);
    }

    /** True when a cache or tmpfs mount of this RUN covers the directory. */
    public boolean cacheMounted(Instruction run, String dir) {
        List<Mount> all = mounts(run);
        for (int i = 0; i < all.size(); i++) if (all.get(i).covers(dir)) return true;
        return false;
    }

    public void report(Span span, String message) {
        report(span, message, null, Map.of());
    }

    public void report(Span span, String message, Fix fix) {
        report(span, message, fix, Map.of());
    }

    public void report(Span span, String message, Fix fix, Map<String, Object> properties) {
        Range r = file().range(span);
        Location loc = new Location(file().path(), r.start().line(), r.start().column(), r.end().line(),
                r.end().column());
        Finding f = new Finding(current.id(), config.severityOf(current), current.practice(), message, loc,
                fix != null, properties);
        reported.add(new Reported(f, fix));
    }

    /** Reports on an instruction's keyword (a short, stable place for whole-instruction findings). */
    public void report(Instruction at, String message) {
        report(at.keywordSpan(), message, null, Map.of());
    }
}
