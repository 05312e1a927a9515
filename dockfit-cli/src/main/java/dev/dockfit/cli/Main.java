package dev.dockfit.cli;

import dev.dockfit.cli.db.DbCommand;
import dev.dockfit.cli.scan.SbomCommand;
import dev.dockfit.cli.scan.ScanCommand;
import dev.dockfit.cli.image.ImageCommand;
import dev.dockfit.cli.parse.ParseCommand;
import dev.dockfit.cli.recommend.RecommendCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: wires the subcommands and maps every failure to a documented exit code. */
@Command(name = "dockfit",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Makes container images small, safe and cache-friendly.",
        // One command per line, so that adding a command never conflicts with adding another.
        subcommands = {
            CommandLine.HelpCommand.class,
            ParseCommand.class,
            ImageCommand.class,
            DbCommand.class,
            ScanCommand.class,
            SbomCommand.class,
            RecommendCommand.class,
        })
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

    public static int execute(String... args) {
        return ExitCodes.commandLine(new Main()).execute(args);
    }

    /** Runs the CLI with the given streams and returns its exit code; tests run commands in-process this way. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = ExitCodes.commandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
