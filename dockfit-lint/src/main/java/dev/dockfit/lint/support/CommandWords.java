package dev.dockfit.lint.support;

import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Finding the exact argument word of a command that a finding is about. */
public final class CommandWords {
    private CommandWords() {
    }

    /** The first argument whose literal value satisfies the test. */
    public static Optional<ShellWord> firstArg(SimpleCommand c, Predicate<String> test) {
        List<ShellWord> args = c.args();
        for (int i = 0; i < args.size(); i++) if (test.test(args.get(i).literal())) return Optional.of(args.get(i));
        return Optional.empty();
    }

    /** True when an argument's literal value starts with {@code prefix} (hot: no stream or lambda per call). */
    public static boolean anyArgStartsWith(SimpleCommand c, String prefix) {
        List<String> args = c.argLiterals();
        for (int i = 0; i < args.size(); i++) if (args.get(i).startsWith(prefix)) return true;
        return false;
    }

    /** The command word, or the first argument whose literal satisfies the test when there is one. */
    public static ShellWord argOrName(SimpleCommand c, Predicate<String> test) {
        return firstArg(c, test).orElse(c.words().get(0));
    }
}
