package dev.dockfit.dockerfile.shell;

import java.util.List;
import java.util.Optional;

/**
 * One simple command of a script: leading {@code NAME=value} assignments, the command word and its arguments,
 * and redirections. Compound commands ({@code if}, loops, {@code case}, groups, subshells, functions) are not
 * represented themselves; the simple commands inside them are.
 */
public final class SimpleCommand {

    private final String text;
    private final List<ShellWord> assignments;
    private final List<ShellWord> words;
    private final List<Redirection> redirections;
    /** Computed once: every rule asks for them, on every command. */
    private final String name;
    private final List<ShellWord> args;
    private final List<String> argLiterals;
    private final int start;
    private final int end;
    private final Connector before;
    private final Connector after;
    private final int pipelineIndex;
    private final int pipelineSize;
    private final boolean inSubstitution;

    SimpleCommand(String text, List<ShellWord> assignments, List<ShellWord> words, List<Redirection> redirections,
                  int start, int end, Connector before, Connector after, int pipelineIndex, int pipelineSize,
                  boolean inSubstitution) {
        this.text = text;
        this.assignments = List.copyOf(assignments);
        this.words = List.copyOf(words);
        this.redirections = List.copyOf(redirections);
        if (this.words.isEmpty()) {
            this.name = "";
            this.args = List.of();
        } else {
            String literal = this.words.get(0).literal();
            this.name = literal.substring(literal.lastIndexOf('/') + 1);
            this.args = this.words.subList(1, this.words.size());
        }
        String[] literals = new String[this.args.size()];
        for (int i = 0; i < literals.length; i++) literals[i] = this.args.get(i).literal();
        this.argLiterals = List.of(literals);
        this.start = start;
        this.end = end;
        this.before = before;
        this.after = after;
        this.pipelineIndex = pipelineIndex;
        this.pipelineSize = pipelineSize;
        this.inSubstitution = inSubstitution;
    }

    /** The command word followed by its arguments; empty for a command of only assignments or redirections. */
    public List<ShellWord> words() {
        return words;
    }

    /** The {@code NAME=value} words before the command word ({@code DEBIAN_FRONTEND=noninteractive apt-get}). */
    public List<ShellWord> assignments() {
        return assignments;
    }

    public List<Redirection> redirections() {
        return redirections;
    }

    /** The command word's literal value without its directory ({@code /usr/bin/apt-get} gives {@code apt-get}), or "". */
    public String name() {
        return name;
    }

    /** The words after the command word. */
    public List<ShellWord> args() {
        return args;
    }

    /** The literal values of {@link #args()}. */
    public List<String> argLiterals() {
        return argLiterals;
    }

    /** True when an argument's literal value equals one of {@code values}. */
    public boolean hasArg(String... values) {
        for (String arg : argLiterals) {
            for (String value : values) {
                if (arg.equals(value)) return true;
            }
        }
        return false;
    }

    /**
     * True when one of {@code flags} is given before a {@code --} argument. A one-letter flag such as {@code -y}
     * also matches inside a cluster of short flags ({@code -yq}); a longer flag ({@code --yes},
     * {@code -name}) matches itself or itself followed by {@code =value}.
     */
    public boolean hasFlag(String... flags) {
        for (String arg : argLiterals) {
            if (arg.equals("--")) return false;
            for (String flag : flags) {
                if (isShort(flag)) {
                    if (isShortCluster(arg) && shortCluster(arg).indexOf(flag.charAt(1)) >= 0) return true;
                } else if (arg.equals(flag) || arg.startsWith(flag + "=")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The value given to the first of {@code flags} found: {@code --opt=value}, {@code --opt value},
     * {@code -o value}, {@code -ovalue}, or {@code -xo value} (a one-letter flag ending a cluster takes the next
     * argument; followed by more letters, it takes them). Use it for flags that do take a value.
     */
    public Optional<String> flagValue(String... flags) {
        List<String> args = argLiterals;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) break;
            for (String flag : flags) {
                String rest = null;
                if (isShort(flag)) {
                    int at = isShortCluster(arg) ? arg.indexOf(flag.charAt(1), 1) : -1;
                    if (at > 0) rest = arg.substring(at + 1);
                } else if (arg.equals(flag)) {
                    rest = "";
                } else if (arg.startsWith(flag + "=")) {
                    return Optional.of(arg.substring(flag.length() + 1));
                }
                if (rest == null) continue;
                if (!rest.isEmpty()) return Optional.of(rest.startsWith("=") ? rest.substring(1) : rest);
                return i + 1 < args.size() ? Optional.of(args.get(i + 1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The arguments after the first argument whose literal value is {@code word} ({@code install} ...); empty if none. */
    public List<ShellWord> argsAfter(String word) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).literal().equals(word)) return args.subList(i + 1, args.size());
        }
        return List.of();
    }

    private static boolean isShort(String flag) {
        return flag.length() == 2 && flag.charAt(0) == '-' && flag.charAt(1) != '-';
    }

    private static boolean isShortCluster(String arg) {
        return arg.length() >= 2 && arg.charAt(0) == '-' && arg.charAt(1) != '-';
    }

    /** The letters of a {@code -abc} or {@code -abc=value} argument. */
    private static String shortCluster(String arg) {
        int eq = arg.indexOf('=');
        return arg.substring(1, eq < 0 ? arg.length() : eq);
    }

    /** The connector before this command: the one before the enclosing compound command when it comes first in it. */
    public Connector before() {
        return before;
    }

    /** The connector after this command: the one after the enclosing compound command when it comes last in it. */
    public Connector after() {
        return after;
    }

    /** True when this command, or the compound command holding it, is an element of a pipeline {@code a | b}. */
    public boolean inPipeline() {
        return pipelineIndex >= 0;
    }

    /** The position of the element holding this command in its innermost pipeline (0 first), or -1. */
    public int pipelineIndex() {
        return pipelineIndex;
    }

    /** The number of elements of that pipeline, or 0. */
    public int pipelineSize() {
        return pipelineSize;
    }

    /** True when the command runs inside {@code $( )}, backticks or a process substitution {@code <( )}. */
    public boolean inSubstitution() {
        return inSubstitution;
    }

    /** Char offset of the first assignment, word or redirection. */
    public int start() {
        return start;
    }

    /** Char offset just past the last assignment, word or redirection (heredoc bodies excluded). */
    public int end() {
        return end;
    }

    /** The source text from {@link #start()} to {@link #end()}. */
    public String raw() {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return raw();
    }
}
