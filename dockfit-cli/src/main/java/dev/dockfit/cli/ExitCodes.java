package dev.dockfit.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The exit codes every command shares (documented in the README), and the handlers that turn
 * usage errors and unexpected exceptions into one line on stderr instead of a stack trace.
 */
public final class ExitCodes {
    /** Success; no finding reached the failure threshold. */
    public static final int OK = 0;
    /** Findings at or above the threshold, or (parse) the input is not a valid Dockerfile. */
    public static final int FINDINGS = 1;
    /** Usage error: unknown option, missing argument, bad option value. */
    public static final int USAGE = 2;
    /** Input/output error: a file that cannot be read or written, an unreachable registry. */
    public static final int IO = 3;
    /** Internal error: a bug in dockfit (rerun with --debug for the stack trace). */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }

    /** Installs the handlers on a command line and the subcommands it already has. */
    static CommandLine handleErrors(CommandLine cl) {
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("dockfit: " + firstLine(ex.getMessage()));
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean debug = Arrays.asList(parseResult.originalArgs().toArray(new String[0])).contains("--debug");
            if (ex instanceof UserError ue) {
                err.println(ue.getMessage());
                if (debug) ex.printStackTrace(err);
                return ue.exitCode();
            }
            err.println("dockfit: internal error: " + ex + (debug ? "" : " (rerun with --debug for details)"));
            if (debug) ex.printStackTrace(err);
            return INTERNAL;
        });
        return cl;
    }

    private static String firstLine(String s) {
        if (s == null) return "error";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
