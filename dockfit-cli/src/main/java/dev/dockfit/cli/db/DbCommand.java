package dev.dockfit.cli.db;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.UserError;
import dev.dockfit.vuln.store.StoreException;
import dev.dockfit.vuln.store.VulnStore;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code dockfit db}: the local OSV vulnerability database that scans read offline. */
@Command(name = "db",
        description = "Manage the local vulnerability database (OSV records) that scans use offline.",
        mixinStandardHelpOptions = true,
        subcommands = {DbUpdateCommand.class, DbImportCommand.class, DbStatusCommand.class})
public final class DbCommand implements Runnable {

    @Option(names = "--db-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Database directory (default: the user cache dir, e.g. ~/.cache/dockfit/vulndb).")
    Path dbDir;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of failures.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing db command (update, import or status)");
    }

    Path directory() {
        return dbDir != null ? dbDir : VulnStore.defaultDirectory();
    }

    VulnStore open() {
        try {
            return VulnStore.open(directory());
        } catch (StoreException e) {
            throw new UserError(ExitCodes.IO, "dockfit: " + e.getMessage(), e);
        }
    }

    static void close(VulnStore store) {
        try {
            store.close();
        } catch (StoreException e) {
            throw new UserError(ExitCodes.IO, "dockfit: " + e.getMessage(), e);
        }
    }
}
