package dev.dockfit.lint.support;

import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The operands of a subcommand: the words after it that are neither options nor option values. */
public final class CommandOperands {
    private CommandOperands() {
    }

    /**
     * The words after the first {@code verb} in {@code words} that are not options, skipping the value of each
     * option in {@code withValue} written as a separate word ({@code -t name}); everything after {@code --}
     * is an operand.
     */
    public static List<ShellWord> after(List<ShellWord> words, Set<String> verbs, Set<String> withValue) {
        List<ShellWord> out = new ArrayList<>();
        boolean started = false;
        boolean skipNext = false;
        boolean onlyOperands = false;
        for (ShellWord w : words) {
            String l = w.literal();
            if (!started) {
                started = verbs.contains(l);
                continue;
            }
            if (skipNext) {
                skipNext = false;
            } else if (onlyOperands) {
                out.add(w);
            } else if (l.equals("--")) {
                onlyOperands = true;
            } else if (l.startsWith("-")) {
                skipNext = withValue.contains(l);
            } else {
                out.add(w);
            }
        }
        return out;
    }

    public static List<ShellWord> after(SimpleCommand c, Set<String> verbs, Set<String> withValue) {
        return after(c.args(), verbs, withValue);
    }
}
