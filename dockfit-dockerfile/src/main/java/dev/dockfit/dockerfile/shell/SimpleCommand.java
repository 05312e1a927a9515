package dev.dockfit.dockerfile.shell;

import dev.dockfit.dockerfile.model.FixedList;
import java.util.List;
import java.util.Optional;

/**
 * One simple command of a script: leading {@code NAME=value} assignments, the command word and its arguments,
 * and redirections. Compound commands ({@code if}, loops, {@code case}, groups, subshells, functions) are not
 * represented themselves; the simple commands inside them are.
 */
public final class SimpleCommand {

    private static final String[] NO_ARGS = {};

    private final String text;
    private final FixedList<ShellWord> assignments;
    private final FixedList<ShellWord> words;
    /** Set by the parser once heredoc bodies are read, before the script is returned (like after and the pipeline). */
    private FixedList<Redirection> redirections = FixedList.of();
    /** Computed once: every rule asks for it, on every command. */
    private final String name;
    /** {@code name.hashCode()}: lets {@link ShellScript#commandsNamed} skip other commands with an int compare. */
    private final int nameHash;
    /** Created on the first call, like {@link #argLiterals}: rules ask only the commands they look for. */
    private FixedList<ShellWord> args;
    /** Created on the first call (few commands are asked); an immutable list, so a racy creation is harmless. */
    private FixedList<String> argLiterals;
    /**
     * The literals of the arguments, which the query methods below loop over without an iterator (hot); made on
     * the first query, since most commands are never asked (a script is analysed and queried by one thread).
     */
    private String[] argArray;
    private final int start;
    private final int end;
    private final Connector before;
    private Connector after = Connector.END;
    private int pipelineIndex = -1;
    private int pipelineSize;
    private final boolean inSubstitution;

    /**
     * Made by the parser when the command's last word is read (hot: one per command, so no builder object first).
     * The lists are {@link FixedList}s (one list class, for C1's call sites), and the empty one's iterator is
     * shared, so that rules looping over the (usually empty) assignments of every command allocate nothing.
     * {@code commandWord} is the first of {@code words} or null: given, not asked of the list, since a List call
     * site that sees several list classes is an interface dispatch on C1.
     */
    SimpleCommand(String text, FixedList<ShellWord> assignments, FixedList<ShellWord> words, ShellWord commandWord,
                  int start, int end, Connector before, boolean inSubstitution) {
        this.text = text;
        this.assignments = assignments;
        this.words = words;
        if (commandWord == null) {
            this.name = "";
        } else {
            String literal = commandWord.literal();
            this.name = literal.substring(literal.lastIndexOf('/') + 1);
        }
        this.nameHash = name.hashCode();
        this.start = start;
        this.end = end;
        this.before = before;
        this.inSubstitution = inSubstitution;
    }

    /** The connector that followed the command, once the parser has read it. */
    void setAfter(Connector after) {
        this.after = after;
    }

    /** Places the command in the element {@code index} of a pipeline of {@code size} elements. */
    void setPipeline(int index, int size) {
        this.pipelineIndex = index;
        this.pipelineSize = size;
    }

    /** Sets the redirections (immutable, not empty) once their heredoc bodies are read. */
    void setRedirections(FixedList<Redirection> redirections) {
        this.redirections = redirections;
    }

    private String[] argArray() {
        String[] literals = argArray;
        if (literals == null) {
            int count = Math.max(0, words.size() - 1);
            literals = count == 0 ? NO_ARGS : new String[count];
            for (int i = 0; i < count; i++) literals[i] = words.get(i + 1).literal();
            argArray = literals;
        }
        return literals;
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

    /** Whether {@link #name()} equals {@code other}; hot (rules look commands up by name), so hashes compare first. */
    boolean isNamed(String other) {
        return nameHash == other.hashCode() && name.equals(other);
    }

    /** The words after the command word. */
    public List<ShellWord> args() {
        if (args == null) args = words.size() <= 1 ? FixedList.of() : words.subList(1, words.size());
        return args;
    }

    /** The literal values of {@link #args()}. */
    public List<String> argLiterals() {
        if (argLiterals == null) argLiterals = FixedList.wrap(argArray()); // the array is never written again
        return argLiterals;
    }

    /** True when an argument's literal value equals {@code value}. */
    public boolean hasArg(String value) {
        for (String arg : argArray()) {
            if (arg.equals(value)) return true;
        }
        return false;
    }

    /** True when an argument's literal value equals one of {@code values}. */
    public boolean hasArg(String... values) {
        for (String arg : argArray()) {
            for (String value : values) {
                if (arg.equals(value)) return true;
            }
        }
        return false;
    }

    /** {@link #hasFlag(String...)} of one flag. */
    public boolean hasFlag(String flag) {
        for (String arg : argArray()) {
            if (arg.equals("--")) return false;
            if (matchesFlag(arg, flag)) return true;
        }
        return false;
    }

    /**
     * True when one of {@code flags} is given before a {@code --} argument. A one-letter flag such as {@code -y}
     * also matches inside a cluster of short flags ({@code -yq}); a longer flag ({@code --yes},
     * {@code -name}) matches itself or itself followed by {@code =value}.
     */
    public boolean hasFlag(String... flags) {
        for (String arg : argArray()) {
            if (arg.equals("--")) return false;
            for (String flag : flags) {
                if (matchesFlag(arg, flag)) return true;
            }
        }
        return false;
    }

    /** Whether {@code arg} gives {@code flag} (see {@link #hasFlag(String...)}); compares in place (hot). */
    private static boolean matchesFlag(String arg, String flag) {
        // every match starts with the flag's first character: most arguments (no '-') end here
        if (!arg.isEmpty() && !flag.isEmpty() && arg.charAt(0) != flag.charAt(0)) return false;
        if (isShort(flag)) {
            return isShortCluster(arg) && clusterIndexOf(arg, flag.charAt(1)) > 0;
        }
        return arg.equals(flag) || isFlagWithValue(arg, flag);
    }

    /** {@code flag=value}. */
    private static boolean isFlagWithValue(String arg, String flag) {
        int length = flag.length();
        return arg.length() > length && arg.charAt(length) == '=' && arg.startsWith(flag);
    }

    /**
     * The value given to the first of {@code flags} found: {@code --opt=value}, {@code --opt value},
     * {@code -o value}, {@code -ovalue}, or {@code -xo value} (a one-letter flag ending a cluster takes the next
     * argument; followed by more letters, it takes them). Use it for flags that do take a value.
     */
    public Optional<String> flagValue(String... flags) {
        String[] args = argArray();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) break;
            for (String flag : flags) {
                String rest = null;
                if (isShort(flag)) {
                    int at = isShortCluster(arg) ? arg.indexOf(flag.charAt(1), 1) : -1;
                    if (at > 0) rest = arg.substring(at + 1);
                } else if (arg.equals(flag)) {
                    rest = "";
                } else if (isFlagWithValue(arg, flag)) {
                    return Optional.of(arg.substring(flag.length() + 1));
                }
                if (rest == null) continue;
                if (!rest.isEmpty()) return Optional.of(rest.startsWith("=") ? rest.substring(1) : rest);
                return i + 1 < args.length ? Optional.of(args[i + 1]) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The arguments after the first argument whose literal value is {@code word} ({@code install} ...); empty if none. */
    public List<ShellWord> argsAfter(String word) {
        String[] args = argArray();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(word)) {
                return words.subList(i + 2, words.size());
            }
        }
        return FixedList.of();
    }

    private static boolean isShort(String flag) {
        return flag.length() == 2 && flag.charAt(0) == '-' && flag.charAt(1) != '-';
    }

    private static boolean isShortCluster(String arg) {
        return arg.length() >= 2 && arg.charAt(0) == '-' && arg.charAt(1) != '-';
    }

    /** Where {@code letter} is among the letters of a {@code -abc} or {@code -abc=value} argument, or -1. */
    private static int clusterIndexOf(String cluster, char letter) {
        int at = cluster.indexOf(letter, 1);
        int eq = cluster.indexOf('=');
        return eq >= 0 && at >= eq ? -1 : at;
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
