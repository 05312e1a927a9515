package dev.dockfit.dockerfile.semantic;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.model.FixedList;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.Expansion;
import dev.dockfit.dockerfile.shell.ExpansionException;
import dev.dockfit.dockerfile.shell.WordExpander;
import dev.dockfit.reference.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The meaning of a parsed Dockerfile as BuildKit gives it: global ARGs (with the automatic platform ARGs),
 * stages with their resolved base images, and the ARG/ENV scope in force before every instruction.
 */
public final class BuildModel {
    /** Scopes are immutable: the one of the default options is made once. */
    private static final Scope DEFAULT_PLATFORM_SCOPE = platformScope(BuildOptions.DEFAULT);

    private final Dockerfile dockerfile;
    /** The file's instructions, typed as the FixedList they are: {@link #isOwn} (hot) then makes no List call. */
    private final FixedList<Instruction> instructions;
    private final BuildOptions options;
    private final WordExpander expander;
    private final List<Instruction> globalArgs = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    /** Immutable copies made once the model is built: rules ask for them many times per file. */
    private final List<Instruction> globalArgsView;
    private final List<Stage> stagesView;
    private final Optional<Stage> finalStage;
    /**
     * The scope before and the stage of each instruction, by {@link Instruction#position()}: an array read per ask
     * (hot on C1, where an identity map pays System.identityHashCode per instruction).
     */
    private final Scope[] scopes;
    private final Stage[] stageOf;
    private Scope global;

    private BuildModel(Dockerfile dockerfile, BuildOptions options) {
        this.dockerfile = dockerfile;
        this.instructions = FixedList.copyOf(dockerfile.instructions()); // the same list, not a copy
        this.options = options;
        this.expander = new WordExpander(dockerfile.escapeToken());
        int instructions = dockerfile.instructions().size();
        this.scopes = new Scope[instructions];
        this.stageOf = new Stage[instructions];
        build();
        this.globalArgsView = FixedList.copyOf(globalArgs);
        this.stagesView = FixedList.copyOf(stages);
        this.finalStage = stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }

    public static BuildModel of(Dockerfile dockerfile) {
        return new BuildModel(dockerfile, BuildOptions.DEFAULT);
    }

    public static BuildModel of(Dockerfile dockerfile, BuildOptions options) {
        return new BuildModel(dockerfile, options);
    }

    public Dockerfile dockerfile() {
        return dockerfile;
    }

    /** The ARG instructions before the first FROM. */
    public List<Instruction> globalArgs() {
        return globalArgsView;
    }

    /** The scope FROM lines are expanded in: automatic platform ARGs plus the global ARGs. */
    public Scope globalScope() {
        return global;
    }

    public List<Stage> stages() {
        return stagesView;
    }

    /** The last stage: what {@code docker build} produces without {@code --target}. */
    public Optional<Stage> finalStage() {
        return finalStage;
    }

    /** The stage an instruction belongs to, or empty for a global ARG. */
    public Optional<Stage> stageOf(Instruction instruction) {
        return Optional.ofNullable(isOwn(instruction) ? stageOf[instruction.position()] : null);
    }

    /** The variables in force just before an instruction runs. */
    public Scope scopeBefore(Instruction instruction) {
        Scope s = isOwn(instruction) ? scopes[instruction.position()] : null;
        return s != null ? s : global;
    }

    /** True when the instruction is one of this file's (not an ONBUILD's wrapped one, nor another file's). */
    private boolean isOwn(Instruction instruction) {
        int at = instruction.position();
        return at >= 0 && at < scopes.length && instructions.get(at) == instruction;
    }

    /** Expands a word as the build would at this instruction; empty when the build would reject it. */
    public Optional<Expansion> expand(Instruction at, String word) {
        try {
            return Optional.of(expander.expandWord(word, scopeBefore(at).asEnv()));
        } catch (ExpansionException e) {
            return Optional.empty();
        }
    }

    /**
     * The stage a {@code COPY --from} / {@code RUN --mount from=} value names, looked up among the stages
     * before {@code before}: by name (case-insensitive) or by index.
     */
    public Optional<Stage> stageNamed(String reference, Stage before) {
        String ref = reference.toLowerCase(Locale.ROOT);
        int limit = before == null ? stages.size() : before.index();
        for (int i = 0; i < limit; i++) {
            Stage s = stages.get(i);
            if (ref.equals(s.name()) || ref.equals(String.valueOf(s.index()))) return Optional.of(s);
        }
        return Optional.empty();
    }

    private void build() {
        global = options.equals(BuildOptions.DEFAULT) ? DEFAULT_PLATFORM_SCOPE : platformScope(options);
        Scope scope = global;
        Stage current = null;
        Instruction from = null;
        String name = null;
        BaseImage base = null;
        List<Instruction> body = new ArrayList<>();
        List<Scope> stageEnds = new ArrayList<>(); // by stage index
        List<Instruction> instructions = dockerfile.instructions();
        for (int k = 0; k < instructions.size(); k++) {
            Instruction in = instructions.get(k);
            if (in.is("FROM")) {
                if (from != null) {
                    current = new Stage(stages.size(), name, from, base, body);
                    register(current, stageEnds, scope);
                }
                from = in;
                body = new ArrayList<>();
                List<String> a = in.argValues();
                name = a.size() >= 3 && a.get(1).equalsIgnoreCase("AS") ? a.get(2).toLowerCase(Locale.ROOT) : null;
                base = resolveBase(in);
                scopes[k] = global;
                Scope parent = base.stage() == null ? null : stageEnds.get(base.stage().intValue());
                scope = parent == null ? Scope.empty() : parent.forChildStage();
                body.add(in);
                continue;
            }
            scopes[k] = from == null ? global : scope;
            if (from == null) {
                if (in.is("ARG")) {
                    globalArgs.add(in);
                    global = declareArgs(in, global, global);
                    scope = global;
                }
                continue;
            }
            body.add(in);
            if (in.is("ARG")) scope = declareArgs(in, scope, global);
            else if (in.is("ENV")) scope = setEnv(in, scope);
        }
        if (from != null) register(new Stage(stages.size(), name, from, base, body), stageEnds, scope);
    }

    private void register(Stage stage, List<Scope> stageEnds, Scope endScope) {
        stages.add(stage);
        stageEnds.add(endScope);
        List<Instruction> instructions = stage.instructions();
        for (int k = 0; k < instructions.size(); k++) stageOf[instructions.get(k).position()] = stage;
    }

    private BaseImage resolveBase(Instruction from) {
        if (from.args().isEmpty()) return new BaseImage("", null, null, null, Set.of());
        String raw = from.args().get(0).value();
        Expansion e;
        try {
            e = expander.expandWord(raw, global.asEnv());
        } catch (ExpansionException bad) {
            return new BaseImage(raw, null, null, null, Set.of());
        }
        String resolved = e.value();
        String lower = resolved.toLowerCase(Locale.ROOT);
        for (Stage s : stages) {
            if (lower.equals(s.name())) return new BaseImage(raw, resolved, null, s.index(), e.unset());
        }
        ImageReference ref = lower.equals("scratch") ? null : ImageReference.parse(resolved).orElse(null);
        return new BaseImage(raw, resolved, ref, null, e.unset());
    }

    /** ARG NAME[=default]: a --build-arg wins, then the default, then the global (or automatic) value. */
    private Scope declareArgs(Instruction arg, Scope scope, Scope globals) {
        Scope s = scope;
        List<Arg> args = arg.args();
        for (int k = 0; k < args.size(); k++) {
            String word = args.get(k).value();
            int eq = word.indexOf('=');
            String name = eq < 0 ? word : word.substring(0, eq);
            String value;
            if (options.buildArgs().containsKey(name)) {
                value = options.buildArgs().get(name);
            } else if (eq >= 0) {
                value = expandOrRaw(word.substring(eq + 1), s);
            } else {
                value = globals.get(name);
            }
            s = s.withArg(name, value);
        }
        return s;
    }

    private Scope setEnv(Instruction env, Scope scope) {
        List<Arg> a = env.args();
        if (a.size() < 2) return scope;
        // every value expands in the scope before the instruction: one copy of the ENV map takes all the pairs
        String[] pairs = new String[2 * ((a.size() + 1) / 3)];
        int n = 0;
        for (int k = 0; k + 1 < a.size(); k += 3) {
            pairs[n++] = a.get(k).value();
            pairs[n++] = expandOrRaw(a.get(k + 1).value(), scope);
        }
        return scope.withEnv(pairs);
    }

    private String expandOrRaw(String word, Scope scope) {
        try {
            return expander.expandWord(word, scope.asEnv()).value();
        } catch (ExpansionException e) {
            return word;
        }
    }

    /** BuildKit's automatic ARGs, visible to FROM lines (and to stages that declare them). */
    private static Scope platformScope(BuildOptions options) {
        String[] t = options.targetPlatform().split("/");
        String[] b = options.buildPlatform().split("/");
        Map<String, String> v = new LinkedHashMap<>();
        v.put("BUILDPLATFORM", options.buildPlatform());
        v.put("BUILDOS", b[0]);
        v.put("BUILDARCH", b.length > 1 ? b[1] : "");
        v.put("BUILDVARIANT", b.length > 2 ? b[2] : "");
        v.put("TARGETPLATFORM", options.targetPlatform());
        v.put("TARGETOS", t[0]);
        v.put("TARGETARCH", t.length > 1 ? t[1] : "");
        v.put("TARGETVARIANT", t.length > 2 ? t[2] : "");
        v.put("TARGETSTAGE", "default");
        v.replaceAll((name, value) -> options.buildArgs().getOrDefault(name, value));
        return Scope.ofArgs(v);
    }
}
