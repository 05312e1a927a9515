package dev.dockfit.cli.db;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.UserError;
import dev.dockfit.vuln.store.StoreException;
import dev.dockfit.vuln.store.StoreStatus;
import dev.dockfit.vuln.store.VulnStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code dockfit db status}: what the local database holds and how old it is. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the database's sources (with import time and age), its OSV ecosystems and record counts.",
                "Exit codes: 0 shown, 3 the database cannot be read."})
public final class DbStatusCommand implements Callable<Integer> {

    @ParentCommand
    DbCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StoreStatus status;
        VulnStore store = parent.open();
        try {
            status = store.status();
            out.println("Database: " + store.file());
        } catch (StoreException e) {
            throw new UserError(ExitCodes.IO, "dockfit: " + e.getMessage(), e);
        } finally {
            DbCommand.close(store);
        }
        Instant now = Instant.now();
        if (status.records() == 0) {
            out.println("The database is empty: run 'dockfit db update' (or 'dockfit db import PATH' offline).");
            out.flush();
            return ExitCodes.OK;
        }
        out.println("Records: " + status.records());
        out.println("Sources:");
        for (StoreStatus.Source s : status.sources()) {
            out.printf("  %-40s %7d records  imported %s (%s ago)%n", s.name(), s.records(), s.importedAt().truncatedTo(ChronoUnit.SECONDS), age(s.importedAt(), now));
        }
        out.println("Ecosystems:");
        for (StoreStatus.EcosystemCount e : status.ecosystems()) out.printf("  %-40s %7d%n", e.ecosystem(), e.records());
        if (status.isStale(now)) {
            out.println("warning: data imported " + age(status.oldestImport(), now) + " ago is older than "
                    + StoreStatus.STALE_AFTER.toDays() + " days; run 'dockfit db update'");
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String age(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.isNegative()) d = Duration.ZERO;
        if (d.toDays() > 0) return d.toDays() + "d " + d.toHoursPart() + "h";
        if (d.toHours() > 0) return d.toHours() + "h " + d.toMinutesPart() + "m";
        return d.toMinutes() + "m";
    }
}
