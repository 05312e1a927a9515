package dev.dockfit.dockerfile.shell;

import dev.dockfit.dockerfile.model.FixedList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The simple commands of a shell script, in source order, and what was odd about its syntax. */
public final class ShellScript {

    /** Something the shell would reject or that the analysis had to guess around, at a char offset. */
    public record Problem(int offset, String message) {
    }

    private final String text;
    /**
     * The commands, which the queries below loop over (hot: every rule asks every script): an array read is
     * cheap on C1, where a List call site that sees the JDK's several immutable list classes is not.
     */
    private final SimpleCommand[] commandArray;
    private final FixedList<SimpleCommand> commands;
    private final List<Problem> problems;

    /** {@code commands} is the parser's own array, not copied: nothing else holds it. */
    ShellScript(String text, SimpleCommand[] commands, List<Problem> problems) {
        this.text = text;
        this.commandArray = commands;
        this.commands = FixedList.wrap(commands); // rules loop over every script's (see FixedList)
        this.problems = problems.isEmpty() ? Collections.emptyList() : List.copyOf(problems);
    }

    /** The analysed text; every offset refers to it. */
    public String text() {
        return text;
    }

    /**
     * Every simple command ordered by start offset, whatever its nesting: lists, pipelines, subshells, groups,
     * {@code if}/loops/{@code case}, function bodies and command substitutions (see
     * {@link SimpleCommand#inSubstitution()}).
     */
    public List<SimpleCommand> commands() {
        return commands;
    }

    /** The commands whose {@link SimpleCommand#name()} is {@code name} (no varargs array to allocate). */
    public List<SimpleCommand> commandsNamed(String name) {
        return named(name, null);
    }

    /** The commands whose {@link SimpleCommand#name()} is one of {@code names}. */
    public List<SimpleCommand> commandsNamed(String... names) {
        return named(null, names);
    }

    /**
     * The commands named {@code name}, or one of {@code names} when it is not null. Hot: every rule asks on
     * every script and mostly nothing matches, so that case allocates nothing (the empty list's iterator is
     * shared too). One list class (FixedList) whatever the count: see its comment.
     */
    private List<SimpleCommand> named(String name, String[] names) {
        SimpleCommand first = null;
        List<SimpleCommand> more = null;
        for (SimpleCommand c : commandArray) {
            if (names == null ? !c.isNamed(name) : !isNamed(c, names)) continue;
            if (first == null) {
                first = c;
            } else {
                if (more == null) {
                    more = new ArrayList<>();
                    more.add(first);
                }
                more.add(c);
            }
        }
        if (more != null) return FixedList.copyOf(more);
        return first == null ? FixedList.of() : FixedList.of(first);
    }

    private static boolean isNamed(SimpleCommand command, String[] names) {
        for (String name : names) {
            if (command.isNamed(name)) return true;
        }
        return false;
    }

    /** Syntax problems: unterminated quotes or substitutions, unexpected tokens, missing keywords ... */
    public List<Problem> problems() {
        return problems;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** True when some command outside a command substitution is part of a pipeline. */
    public boolean hasPipeline() {
        return firstPipelineStart() != Integer.MAX_VALUE;
    }

    /**
     * True when a {@code set} command enables pipefail ({@code set -o pipefail}, {@code set -euo pipefail}, ...)
     * before the first pipeline, or anywhere when there is no pipeline. Commands inside substitutions do not count.
     */
    public boolean setsPipefail() {
        int firstPipe = firstPipelineStart();
        for (SimpleCommand c : commandArray) {
            if (!c.inSubstitution() && c.start() < firstPipe && enablesPipefail(c)) return true;
        }
        return false;
    }

    /** The start of the first command outside substitutions that is part of a pipeline, or Integer.MAX_VALUE. */
    private int firstPipelineStart() {
        for (SimpleCommand c : commandArray) {
            if (c.inPipeline() && !c.inSubstitution()) return c.start();
        }
        return Integer.MAX_VALUE;
    }

    private static boolean enablesPipefail(SimpleCommand command) {
        if (!command.name().equals("set")) return false;
        List<String> args = command.argLiterals();
        boolean enabled = false;
        for (int i = 0; i + 1 < args.size(); i++) {
            String arg = args.get(i);
            boolean option = arg.length() >= 2 && (arg.charAt(0) == '-' || arg.charAt(0) == '+')
                    && arg.charAt(1) != '-' && arg.endsWith("o");
            if (option && args.get(i + 1).equals("pipefail")) enabled = arg.charAt(0) == '-';
        }
        return enabled;
    }
}
