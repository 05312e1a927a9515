package dev.dockfit.cli;

import dev.dockfit.cli.db.DbCommand;
import dev.dockfit.cli.fix.FixCommand;
import dev.dockfit.cli.scan.SbomCommand;
import dev.dockfit.cli.scan.ScanCommand;
import dev.dockfit.cli.image.ImageCommand;
import dev.dockfit.cli.lint.LintCommand;
import dev.dockfit.cli.parse.ParseCommand;
import dev.dockfit.cli.recommend.RecommendCommand;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: wires the subcommands and maps every failure to a documented exit code. When the first
 * argument names a command, only that command is built: picocli reflects over every registered command at
 * start-up, and a one-file {@code lint} should not pay for the options of {@code image}.
 */
@Command(name = "dockfit",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Makes container images small, safe and cache-friendly.")
public final class Main implements Runnable {
    /** Every command, in the order {@code --help} lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        // lambdas rather than constructor references, so that a command's class loads only when it is used
        COMMANDS.put("help", () -> new CommandLine.HelpCommand());
        COMMANDS.put("parse", () -> new ParseCommand());
        COMMANDS.put("lint", () -> new LintCommand());
        COMMANDS.put("fix", () -> new FixCommand());
        COMMANDS.put("image", () -> new ImageCommand());
        COMMANDS.put("db", () -> new DbCommand());
        COMMANDS.put("scan", () -> new ScanCommand());
        COMMANDS.put("sbom", () -> new SbomCommand());
        COMMANDS.put("recommend", () -> new RecommendCommand());
    }

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
        return commandLine(args).execute(args);
    }

    private static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        Supplier<Object> only = args.length > 0 && !args[0].equals("help") ? COMMANDS.get(args[0]) : null;
        if (only != null) {
            cl.addSubcommand(args[0], only.get());
        } else {
            COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        return ExitCodes.handleErrors(cl);
    }

    /** Runs the CLI with the given streams and returns its exit code; tests run commands in-process this way. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
