package dev.dockfit.cli;

import dev.dockfit.cli.db.DbCommand;
import dev.dockfit.cli.fix.FixCommand;
import dev.dockfit.cli.scan.SbomCommand;
import dev.dockfit.cli.scan.ScanCommand;
import dev.dockfit.cli.image.ImageCommand;
import dev.dockfit.cli.lint.LintCommand;
import dev.dockfit.cli.parse.ParseCommand;
import dev.dockfit.cli.recommend.RecommendCommand;
import dev.dockfit.cli.server.ServerCommand;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: wires the subcommands and maps every failure to a documented exit code. When the first
 * argument names a command, only that command is built: picocli reflects over every registered command at
 * start-up, and a one-file {@code lint} should not pay for the options of {@code image}. Commands get the
 * {@link Invocation} they run for (working directory, environment, terminal) rather than reading the JVM's: the
 * lint server runs requests from many shells in one JVM.
 */
@Command(name = "dockfit",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Makes container images small, safe and cache-friendly.")
public final class Main implements Runnable {
    /** Every command, in the order {@code --help} lists them. */
    private static final Map<String, Function<Invocation, Object>> COMMANDS = new LinkedHashMap<>();

    static {
        // lambdas rather than constructor references, so that a command's class loads only when it is used
        COMMANDS.put("help", inv -> new CommandLine.HelpCommand());
        COMMANDS.put("parse", inv -> new ParseCommand(inv));
        COMMANDS.put("lint", inv -> new LintCommand(inv));
        COMMANDS.put("fix", inv -> new FixCommand(inv));
        COMMANDS.put("image", inv -> new ImageCommand());
        COMMANDS.put("db", inv -> new DbCommand());
        COMMANDS.put("scan", inv -> new ScanCommand());
        COMMANDS.put("sbom", inv -> new SbomCommand());
        COMMANDS.put("recommend", inv -> new RecommendCommand());
        COMMANDS.put("server", inv -> new ServerCommand());
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

    /** Runs the CLI for this process, on System.out and System.err, and returns its exit code. */
    public static int execute(String... args) {
        return commandLine(Invocation.ofProcess(), args).execute(args);
    }

    private static CommandLine commandLine(Invocation invocation, String[] args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        Function<Invocation, Object> only = first.equals("help") ? null : COMMANDS.get(first);
        if (only != null) {
            cl.addSubcommand(first, only.apply(invocation));
        } else if (!(args.length == 1 && (first.equals("--version") || first.equals("-V")))) {
            // help, usage errors and "did you mean" suggestions need every command; --version none
            COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.apply(invocation)));
        }
        return ExitCodes.handleErrors(cl);
    }

    /** Runs the CLI for this process with the given streams; tests run commands in-process this way. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(Invocation.ofProcess(), out, err, args);
    }

    /** Runs the CLI for another process (a lint server request) with its streams, and returns the exit code. */
    public static int execute(Invocation invocation, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(invocation, args);
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
