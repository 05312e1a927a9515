package dev.dockfit.dockerfile.semantic;

import dev.dockfit.dockerfile.shell.Env;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The variables visible at one point of a Dockerfile: the ARGs declared in the stage (with their values
 * when they have one) and the ENV values (inherited from a parent stage, then set in this one). An ENV
 * always overrides an ARG of the same name, as in Docker.
 */
public final class Scope implements Env {
    private final Map<String, String> args;
    private final Map<String, String> env;
    private final Set<String> declared;

    private static final Scope EMPTY = new Scope(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashSet<>());

    /** Takes the maps as they are: every caller passes maps made for this scope alone and never changes them. */
    private Scope(Map<String, String> args, Map<String, String> env, Set<String> declared) {
        this.args = Collections.unmodifiableMap(args);
        this.env = Collections.unmodifiableMap(env);
        this.declared = Collections.unmodifiableSet(declared);
    }

    static Scope ofArgs(Map<String, String> args) {
        return new Scope(new LinkedHashMap<>(args), new LinkedHashMap<>(), new LinkedHashSet<>(args.keySet()));
    }

    static Scope empty() {
        return EMPTY;
    }

    /** The value of a variable, or null when unset. */
    @Override
    public String get(String name) {
        String e = env.get(name);
        return e != null ? e : args.get(name);
    }

    /** True when an ARG or ENV names the variable, even an ARG with no value. */
    public boolean isDeclared(String name) {
        return declared.contains(name) || env.containsKey(name);
    }

    public Map<String, String> args() {
        return args;
    }

    public Map<String, String> env() {
        return env;
    }

    /** This scope as an expansion's variables (hot: per expansion, so no new view is made). */
    public Env asEnv() {
        return this;
    }

    Scope withArg(String name, String value) {
        Map<String, String> a = new LinkedHashMap<>(args);
        if (value == null) a.remove(name);
        else a.put(name, value);
        Set<String> d = new LinkedHashSet<>(declared);
        d.add(name);
        return new Scope(a, env, d);
    }

    /** This scope with every (name, value) pair of {@code pairs} set as ENV in order, in one copy. */
    Scope withEnv(String[] pairs) {
        Map<String, String> e = new LinkedHashMap<>(env);
        for (int k = 0; k + 1 < pairs.length; k += 2) e.put(pairs[k], pairs[k + 1]);
        return new Scope(args, e, declared);
    }

    /** A new stage's scope: ENV carried over from the parent stage, no ARGs. */
    Scope forChildStage() {
        return new Scope(new LinkedHashMap<>(), env, new LinkedHashSet<>());
    }
}
