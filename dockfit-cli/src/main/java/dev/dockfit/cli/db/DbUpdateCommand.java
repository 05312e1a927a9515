package dev.dockfit.cli.db;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.UserError;
import dev.dockfit.vuln.store.ImportStats;
import dev.dockfit.vuln.store.OsvUpdater;
import dev.dockfit.vuln.store.StoreException;
import dev.dockfit.vuln.store.VulnStore;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dockfit db update}: downloads the per-ecosystem OSV data and imports what changed. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Download OSV data per ecosystem (all.zip the first time, then only records listed as modified "
                + "in modified_id.csv) and import it.", "Exit codes: 0 updated, 3 a download or the database failed."})
public final class DbUpdateCommand implements Callable<Integer> {

    @ParentCommand
    DbCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-e", "--ecosystem"}, paramLabel = "ECOSYSTEM", split = ",",
            description = "OSV ecosystem to update, repeatable (default: Debian, Ubuntu, Alpine, Maven, npm, PyPI, Go).")
    List<String> ecosystems;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "Base URL of the OSV data (default: $DOCKFIT_OSV_MIRROR, else the OSV bucket); "
                    + "must serve <URL>/<Ecosystem>/all.zip.")
    URI mirror;

    @Override
    public Integer call() {
        URI base = mirror;
        if (base == null) {
            String env = System.getenv("DOCKFIT_OSV_MIRROR");
            base = env != null && !env.isBlank() ? URI.create(env.strip()) : OsvUpdater.DEFAULT_BASE;
        }
        if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https"))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mirror must be an http or https URL: " + base);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean failed = false;
        VulnStore store = parent.open();
        try {
            OsvUpdater updater = new OsvUpdater(OsvUpdater.defaultClient(), base, store);
            for (String ecosystem : ecosystems == null ? OsvUpdater.DEFAULT_ECOSYSTEMS : ecosystems) {
                try {
                    OsvUpdater.Result r = updater.update(ecosystem);
                    ImportStats s = r.stats();
                    out.printf("%s: %s update, %d imported, %d unchanged, %d removed%n",
                            ecosystem, r.mode(), s.imported(), s.unchanged(), s.removed());
                    for (String line : s.invalid()) err.println("warning: " + line);
                } catch (StoreException e) {
                    err.println("dockfit: " + ecosystem + ": " + e.getMessage());
                    failed = true;
                }
            }
        } finally {
            DbCommand.close(store);
        }
        out.flush();
        if (failed) throw new UserError(ExitCodes.IO, "dockfit: db update incomplete (see the errors above)");
        return ExitCodes.OK;
    }
}
