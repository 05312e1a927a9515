package dev.dockfit.lint.support;

import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import java.util.List;

/** Recognises pip however it is called: {@code pip}, {@code pip3}, {@code pip3.12}, {@code python -m pip}. */
public final class PipCommand {
    private PipCommand() {
    }

    /** The words after {@code pip} (its subcommand first), or empty when the command is not pip. */
    public static List<ShellWord> args(SimpleCommand c) {
        String name = c.name();
        if (name.matches("pip[0-9.]*")) return c.args();
        if (name.matches("python[0-9.]*")) {
            List<ShellWord> a = c.args();
            for (int i = 0; i + 1 < a.size(); i++) {
                if (a.get(i).literal().equals("-m") && a.get(i + 1).literal().equals("pip")) {
                    return a.subList(i + 2, a.size());
                }
            }
        }
        return List.of();
    }
}
