package dev.dockfit.cli.server;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dockfit server run|stop|status}: the lint server behind the launcher (docs/server.md). The launcher
 * starts {@code run} in the background and passes {@code --state}, the state file it keeps for its jar.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "The lint server that keeps a JVM warm for 'lint' and 'parse' (started by ./dockfit; see docs/server.md).",
        subcommands = {ServerCommand.Run.class, ServerCommand.Stop.class, ServerCommand.Status.class})
public final class ServerCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: run, stop or status");
    }

    /** Options every subcommand shares. */
    static class StateOption {
        @Option(names = "--state", required = true, paramLabel = "FILE", description = "the server's state file (the launcher passes it)")
        Path state;
    }

    @Command(name = "run", description = "Serve in the foreground until idle, stopped, or the jar changes.")
    public static final class Run implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        StateOption state = new StateOption();

        @Option(names = "--jar", paramLabel = "FILE", description = "stop when this jar changes")
        Path jar;

        @Option(names = "--sources", paramLabel = "DIR", description = "refuse requests while a source here is newer than the jar")
        Path sources;

        @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "900",
                description = "stop after this long without a request (default: ${DEFAULT-VALUE})")
        long idleSeconds;

        @Option(names = "--warm-up", paramLabel = "DIR", description = "lint the Dockerfiles here before serving")
        Path warmUp;

        @Override
        public Integer call() throws InterruptedException {
            if (idleSeconds <= 0) throw new UserError(ExitCodes.USAGE, "dockfit server: --idle-timeout must be positive");
            LintServer server;
            try {
                server = LintServer.start(new LintServer.Settings(state.state.toAbsolutePath(), jar, sources, Duration.ofSeconds(idleSeconds),
                        warmUp, System.err));
            } catch (IOException e) {
                throw new UserError(ExitCodes.IO, "dockfit server: cannot start: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop("terminated")));
            server.awaitStopThenDrain(Duration.ofSeconds(30));
            return ExitCodes.OK;
        }
    }

    @Command(name = "stop", description = "Stop the server (prints whether one was running).")
    public static final class Stop implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        StateOption state = new StateOption();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            Optional<ServerState> running = ServerState.read(state.state);
            if (running.isEmpty()) {
                out.println("dockfit server: not running");
                return ExitCodes.OK;
            }
            try {
                ServerClient.send(running.get(), request(running.get(), "stop"));
                // it removes its state file as it stops
                for (int i = 0; i < 100 && Files.exists(state.state); i++) Thread.sleep(50);
            } catch (IOException e) {
                // no answer: removing the state file makes a server that still runs stop at its next check
            }
            Files.deleteIfExists(state.state);
            out.println("dockfit server: stopped (pid " + running.get().pid() + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "Print whether the server runs, and since when; exit 1 when it does not.")
    public static final class Status implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        StateOption state = new StateOption();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<ServerState> running = ServerState.read(state.state);
            if (running.isPresent()) {
                try {
                    out.print(new String(ServerClient.send(running.get(), request(running.get(), "status")).stdout(), StandardCharsets.UTF_8));
                    out.flush();
                    return ExitCodes.OK;
                } catch (IOException e) {
                    out.println("dockfit server: not running (stale state file " + state.state + ": " + e.getMessage() + ")");
                    return ExitCodes.FINDINGS;
                }
            }
            out.println("dockfit server: not running");
            return ExitCodes.FINDINGS;
        }
    }

    /** A control request: no command line, no environment. */
    private static Request request(ServerState server, String op) {
        return new Request(server.clientToken(), op, "/", "000", Map.of(), List.of());
    }
}
