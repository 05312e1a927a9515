package dev.dockfit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: wires the subcommands and maps every failure to a documented exit code. */
@Command(name = "dockfit",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Makes container images small, safe and cache-friendly.",
        subcommands = {CommandLine.HelpCommand.class, dev.dockfit.cli.db.DbCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try 'dockfit --help')");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code; used by tests to run commands in-process. */
    public static int execute(String... args) {
        return ExitCodes.commandLine(new Main()).execute(args);
    }
}
