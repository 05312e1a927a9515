package dev.dockfit.lint.support;

import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import java.util.Optional;
import java.util.function.Predicate;

/** Finding the exact argument word of a command that a finding is about. */
public final class CommandWords {
    private CommandWords() {
    }

    /** The first argument whose literal value satisfies the test. */
    public static Optional<ShellWord> firstArg(SimpleCommand c, Predicate<String> test) {
        for (ShellWord w : c.args()) if (test.test(w.literal())) return Optional.of(w);
        return Optional.empty();
    }

    /** The command word, or the first argument whose literal satisfies the test when there is one. */
    public static ShellWord argOrName(SimpleCommand c, Predicate<String> test) {
        return firstArg(c, test).orElse(c.words().get(0));
    }
}
