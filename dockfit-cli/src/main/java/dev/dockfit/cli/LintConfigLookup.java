package dev.dockfit.cli;

import dev.dockfit.lint.LintConfig;
import dev.dockfit.lint.config.ConfigException;
import dev.dockfit.lint.config.LintConfigs;
import java.nio.file.Path;

/** The lint configuration of a Dockerfile's directory, with a bad or unreadable file as a one-line user error. */
public final class LintConfigLookup {
    private LintConfigLookup() {
    }

    /** @param command the command name that prefixes the error ({@code lint}, {@code fix}) */
    public static LintConfig forDirectory(LintConfigs configs, Path dir, String command) {
        try {
            return configs.forDirectory(dir);
        } catch (ConfigException e) {
            throw new UserError(e.isIo() ? ExitCodes.IO : ExitCodes.USAGE, "dockfit " + command + ": " + e.getMessage(), e);
        }
    }
}
