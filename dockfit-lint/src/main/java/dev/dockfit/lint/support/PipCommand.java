package dev.dockfit.lint.support;

import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import java.util.List;
import java.util.regex.Pattern;

/** Recognises pip however it is called: {@code pip}, {@code pip3}, {@code pip3.12}, {@code python -m pip}. */
public final class PipCommand {
    private static final Pattern PYTHON = Pattern.compile("python[0-9.]*");
    private static final Pattern PIP = Pattern.compile("pip[0-9.]*");
    private PipCommand() {
    }

    /** The words after {@code pip} (its subcommand first), or empty when the command is not pip. */
    public static List<ShellWord> args(SimpleCommand c) {
        String name = c.name();
        if (!name.startsWith("p")) return List.of(); // neither pip nor python: most commands, without a regex
        if (PIP.matcher(name).matches()) return c.args();
        if (PYTHON.matcher(name).matches()) {
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
