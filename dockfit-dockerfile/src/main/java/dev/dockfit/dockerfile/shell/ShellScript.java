package dev.dockfit.dockerfile.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The simple commands of a shell script, in source order, and what was odd about its syntax. */
public final class ShellScript {

    /** Something the shell would reject or that the analysis had to guess around, at a char offset. */
    public record Problem(int offset, String message) {
    }

    private final String text;
    private final List<SimpleCommand> commands;
    private final List<Problem> problems;

    ShellScript(String text, List<SimpleCommand> commands, List<Problem> problems) {
        this.text = text;
        this.commands = List.copyOf(commands);
        this.problems = List.copyOf(problems);
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

    /** The commands whose {@link SimpleCommand#name()} is one of {@code names}. */
    public List<SimpleCommand> commandsNamed(String... names) {
        List<SimpleCommand> out = new ArrayList<>();
        for (SimpleCommand c : commands) {
            for (String n : names) {
                if (c.name().equals(n)) {
                    out.add(c);
                    break;
                }
            }
        }
        return Collections.unmodifiableList(out);
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
        return commands.stream().anyMatch(c -> c.inPipeline() && !c.inSubstitution());
    }

    /**
     * True when a {@code set} command enables pipefail ({@code set -o pipefail}, {@code set -euo pipefail}, ...)
     * before the first pipeline, or anywhere when there is no pipeline. Commands inside substitutions do not count.
     */
    public boolean setsPipefail() {
        int firstPipe = commands.stream()
                .filter(c -> c.inPipeline() && !c.inSubstitution())
                .mapToInt(SimpleCommand::start).min().orElse(Integer.MAX_VALUE);
        return commands.stream()
                .anyMatch(c -> !c.inSubstitution() && c.start() < firstPipe && enablesPipefail(c));
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
