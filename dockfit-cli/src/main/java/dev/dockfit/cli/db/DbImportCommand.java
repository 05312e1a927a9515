package dev.dockfit.cli.db;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.UserError;
import dev.dockfit.vuln.store.ImportStats;
import dev.dockfit.vuln.store.OsvArchives;
import dev.dockfit.vuln.store.StoreException;
import dev.dockfit.vuln.store.VulnStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dockfit db import PATH...}: air-gapped import of OSV zips or directories. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import OSV records from zip files (such as the OSV bucket's all.zip) or directories of *.json files.",
                "Exit codes: 0 imported, 1 some files are not OSV records (the rest is imported), 3 unreadable input or database."})
public final class DbImportCommand implements Callable<Integer> {

    @ParentCommand
    DbCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "A zip file or a directory of OSV JSON files.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int invalid = 0;
        VulnStore store = parent.open();
        try {
            for (Path path : paths) {
                ImportStats s;
                try {
                    s = OsvArchives.importPath(store, path);
                } catch (StoreException e) {
                    throw new UserError(ExitCodes.IO, "dockfit: " + e.getMessage(), e);
                }
                for (String line : s.invalid()) err.println(line);
                invalid += s.invalid().size();
                out.printf("%s: %d imported, %d unchanged%s%n", path, s.imported(), s.unchanged(),
                        s.invalid().isEmpty() ? "" : ", " + s.invalid().size() + " invalid");
            }
        } finally {
            DbCommand.close(store);
        }
        out.flush();
        return invalid > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
