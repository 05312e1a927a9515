package dev.dockfit.cli.server;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.Invocation;
import dev.dockfit.cli.Main;
import dev.dockfit.lint.AllRules;
import dev.dockfit.lint.RuleInfo;
import dev.dockfit.lint.kb.ImageKnowledge;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The lint server: one warm JVM that runs {@code lint} and {@code parse} for the launcher, so that a one-file
 * lint costs a socket round trip instead of a JVM start (see docs/server.md). It listens on 127.0.0.1 only, on a
 * port the system picks, and publishes port and tokens in its state file. It runs requests concurrently, each
 * with the caller's working directory, environment and terminal ({@link Invocation}), and stops when idle for
 * too long, when its state file is removed or names another server, or when its jar changes.
 */
public final class LintServer {
    /** The commands a server runs; every other one needs a JVM of its own (stdin, long runs, writes). */
    public static final Set<String> SERVED = Set.of("lint", "parse");

    /** A client has this long to send its request (the launcher sends it at once). */
    private static final int REQUEST_TIMEOUT_MS = 10_000;
    /**
     * Enough rounds over the examples for the JIT to compile the parser, the rules and the reports: with 15
     * instead of 5 (0.5 s more of warm-up), a fresh server's first two 2,540-file requests took ~30 and ~15 ms
     * less (medians of six fresh servers each), as fewer methods were left below C1's thresholds.
     */
    private static final int WARM_UP_ROUNDS = 15;

    /**
     * @param stateFile   where to publish port and tokens; its directory must be private (0700)
     * @param jar         the jar this server runs from (it stops when the jar changes), or null
     * @param sources     the checkout the jar is built from: requests are refused while a source is newer than
     *                    the jar (the launcher then rebuilds it), or null
     * @param idleTimeout stop after no request for this long
     * @param warmUp      a directory of Dockerfiles to lint before serving (JIT warm-up), or null
     * @param log         where the server reports (never a client's output)
     */
    public record Settings(Path stateFile, Path jar, Path sources, Duration idleTimeout, Path warmUp, PrintStream log) {
    }

    /** A jar's size and modification time: a rebuilt jar differs in one of them. */
    private record JarStamp(long size, FileTime modified) {
        static Optional<JarStamp> of(Path jar) {
            try {
                BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
                return Optional.of(new JarStamp(a.size(), a.lastModifiedTime()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    private final Settings settings;
    private final ServerSocket socket;
    private final ServerState state;
    private final Optional<JarStamp> jarAtStart;
    /** The checkout's sources, listed at start (null without --sources). */
    private final SourceTree sources;
    /** Arguments and paths arrive in the encoding the JVM decodes its own command line with. */
    private final Charset charset = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    private final ExecutorService workers;
    private final ScheduledExecutorService watchdog;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private volatile long lastActivityNanos = System.nanoTime();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private LintServer(Settings settings, ServerSocket socket) {
        this.settings = settings;
        this.socket = socket;
        this.state = ServerState.fresh(socket.getLocalPort());
        this.jarAtStart = settings.jar() == null ? Optional.empty() : JarStamp.of(settings.jar());
        this.sources = settings.sources() == null ? null : SourceTree.of(settings.sources());
        this.workers = Executors.newFixedThreadPool(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()),
                daemon("dockfit-server-worker"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("dockfit-server-watchdog"));
    }

    /**
     * Binds a port, warms up, publishes the state file and serves in the background until stopped. Fails when
     * the state directory is not private or the port cannot be bound.
     */
    public static LintServer start(Settings settings) throws IOException {
        LintServer server;
        try {
            ServerState.privateDirectory(settings.stateFile().toAbsolutePath().getParent());
            server = new LintServer(settings, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            try {
                if (settings.warmUp() != null) server.warmUp(settings.warmUp());
                server.state.write(settings.stateFile());
            } catch (IOException | RuntimeException e) {
                server.socket.close();
                throw e;
            }
        } finally {
            Files.deleteIfExists(startMarker(settings.stateFile()));
        }
        Thread acceptor = new Thread(server::acceptLoop, "dockfit-server-accept");
        acceptor.start();
        long period = Math.max(50, Math.min(1000, settings.idleTimeout().toMillis() / 4));
        server.watchdog.scheduleWithFixedDelay(server::check, period, period, TimeUnit.MILLISECONDS);
        server.log("listening on 127.0.0.1:" + server.port() + ", pid " + server.state.pid()
                + (settings.jar() == null ? "" : ", jar " + settings.jar()) + ", idle timeout "
                + settings.idleTimeout().toSeconds() + " s");
        return server;
    }

    /**
     * The launcher's mark that a server is starting ({@code STATE.starting}), so that concurrent first runs start
     * one server; removed once the state file is written or the start failed.
     */
    static Path startMarker(Path stateFile) {
        return stateFile.resolveSibling(stateFile.getFileName() + ".starting");
    }

    public int port() {
        return socket.getLocalPort();
    }

    public ServerState state() {
        return state;
    }

    /** Stops accepting requests; ones in progress finish. Removes the state file if it is still this server's. */
    public void stop(String reason) {
        if (!stopping.compareAndSet(false, true)) return;
        log("stopping: " + reason);
        try {
            socket.close();
        } catch (IOException e) {
            log("closing the socket: " + e.getMessage());
        }
        watchdog.shutdownNow();
        workers.shutdown();
        if (isOurs()) {
            try {
                Files.deleteIfExists(settings.stateFile());
            } catch (IOException e) {
                log("cannot remove " + settings.stateFile() + ": " + e.getMessage());
            }
        }
        stopped.countDown();
    }

    /**
     * Waits as long as the server serves (until it stops: idle, asked to, replaced, its jar changed), then up to
     * {@code drain} for its requests in progress. The {@code server run} process lives exactly this long.
     */
    public boolean awaitStopThenDrain(Duration drain) throws InterruptedException {
        stopped.await();
        return workers.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the server has stopped and its requests in progress have finished (up to {@code timeout} each). */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)
                && workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void acceptLoop() {
        while (!stopping.get()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (stopping.get()) continue;
                log("accept: " + e.getMessage());
                try {
                    Thread.sleep(100); // out of file descriptors, say: do not spin
                } catch (InterruptedException ie) {
                    stop("interrupted");
                }
                continue;
            }
            active.incrementAndGet();
            try {
                workers.execute(() -> handle(client));
            } catch (RejectedExecutionException e) {
                active.decrementAndGet();
                closeQuietly(client);
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            client.setSoTimeout(REQUEST_TIMEOUT_MS);
            Request request = Request.read(new BufferedInputStream(client.getInputStream()), charset);
            if (!MessageDigest.isEqual(request.token().getBytes(StandardCharsets.UTF_8),
                    state.clientToken().getBytes(StandardCharsets.UTF_8))) {
                log("rejected a request with a wrong token");
                return;
            }
            if (jarChanged()) {
                stop("the jar changed");
                return;
            }
            client.setSoTimeout(0);
            OutputStream out = new BufferedOutputStream(client.getOutputStream(), 1 << 16);
            switch (request.op()) {
                case "run" -> {
                    Optional<Ran> ran = run(request);
                    if (ran.isPresent()) {
                        Response.write(out, state.serverToken(), ran.get().exitCode(), ran.get().stderr(), ran.get().stdout());
                        served.incrementAndGet();
                    }
                }
                case "status" -> new Response(ExitCodes.OK, new byte[0], status().getBytes(StandardCharsets.UTF_8))
                        .write(out, state.serverToken());
                case "stop" -> {
                    new Response(ExitCodes.OK, new byte[0], new byte[0]).write(out, state.serverToken());
                    stop("asked to stop");
                }
                default -> log("refused an unknown operation: " + request.op());
            }
        } catch (IOException e) {
            log("request failed: " + e.getMessage());
        } finally {
            lastActivityNanos = System.nanoTime();
            active.decrementAndGet();
        }
    }

    /** Runs a served command for the request; empty (the client falls back to a JVM of its own) when it cannot. */
    private Optional<Ran> run(Request request) {
        List<String> args = request.args();
        if (args.isEmpty() || !SERVED.contains(args.get(0))) {
            log("refused to run " + (args.isEmpty() ? "nothing" : "'" + args.get(0) + "'") + ": not served");
            return Optional.empty();
        }
        for (int i = 1; i < args.size(); i++) {
            if (needsOwnProcess(args.get(i))) {
                log("refused to run '" + args.get(0) + "' with " + args.get(i) + ": not served");
                return Optional.empty();
            }
        }
        if (sources != null && jarAtStart.isPresent() && sources.newerThan(jarAtStart.get().modified())) {
            log("refused a request: a source is newer than the jar (the launcher rebuilds it)");
            return Optional.empty();
        }
        Path cwd;
        try {
            // the physical directory, as getcwd() gives a process started there
            cwd = Path.of(request.cwd()).toRealPath();
        } catch (IOException | InvalidPathException e) {
            log("refused a request: working directory " + request.cwd() + ": " + e.getMessage());
            return Optional.empty();
        }
        ChunkedBytes stdout = new ChunkedBytes();
        Invocation invocation = new Invocation(cwd, request.env(), request.console(), InputStream.nullInputStream(), stdout);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream(256);
        PrintWriter out = writer(stdout);
        PrintWriter err = writer(stderr);
        int code;
        try {
            code = Main.execute(invocation, out, err, args.toArray(String[]::new));
        } catch (RuntimeException | StackOverflowError e) {
            // what a direct run would print for a failure outside picocli's handlers
            err.println("dockfit: internal error: " + e + " (rerun with --debug for details)");
            code = ExitCodes.INTERNAL;
        }
        out.flush();
        err.flush();
        return Optional.of(new Ran(code, stderr.toByteArray(), stdout));
    }

    /** What a served command printed, and its exit code. */
    private record Ran(int exitCode, byte[] stderr, ChunkedBytes stdout) {
    }

    /**
     * Whether an argument of a served command needs the caller's own JVM: standard input ({@code -}) stays with
     * the process that owns it, an output file would get the server's umask, help and version colours depend on
     * the JVM's terminal, and {@code --debug} stack traces would show the server's frames. The launcher leaves
     * this check to the server: in bash it cost more per argument than the rest of a served run.
     */
    static boolean needsOwnProcess(String arg) {
        return arg.equals("-") || arg.equals("-h") || arg.equals("--help") || arg.equals("-V")
                || arg.equals("--version") || arg.equals("--debug") || arg.startsWith("-o") || arg.startsWith("--output");
    }

    /** The launcher runs the JVM with UTF-8 standard streams; served output is encoded the same way. */
    private static PrintWriter writer(OutputStream bytes) {
        return new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
    }

    private String status() {
        long up = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
        long idle = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - lastActivityNanos);
        return "dockfit server: running, pid " + state.pid() + ", 127.0.0.1:" + port()
                + (settings.jar() == null ? "" : ", jar " + settings.jar()) + "\n"
                + "  up " + up + " s, " + served.get() + " request(s) served, idle " + idle + " s (stops after "
                + settings.idleTimeout().toSeconds() + " s idle)\n";
    }

    /** The watchdog's round: idle too long, state file gone or taken over, jar rebuilt. */
    private void check() {
        if (active.get() == 0 && System.nanoTime() - lastActivityNanos > settings.idleTimeout().toNanos()) {
            stop("idle for " + settings.idleTimeout().toSeconds() + " s");
        } else if (!isOurs()) {
            stop("the state file " + settings.stateFile() + " was removed or names another server");
        } else if (jarChanged()) {
            stop("the jar changed");
        }
    }

    private boolean isOurs() {
        return ServerState.read(settings.stateFile()).map(s -> s.clientToken().equals(state.clientToken())).orElse(false);
    }

    private boolean jarChanged() {
        return settings.jar() != null && !JarStamp.of(settings.jar()).equals(jarAtStart);
    }

    /**
     * Lints the Dockerfiles below {@code dir}, every rule's documented examples (each alone and all in one file)
     * and the warm-up corpus, all written to a temporary directory and named one by one, a few times, in the
     * formats people use most; the output is encoded as a request's, then dropped. The examples reach every
     * rule's code, but they are small: the corpus brings what real Dockerfiles hold (quoting, heredocs, control
     * flow, long RUN chains, many base images) often enough for the JIT, so the first real request runs
     * compiled code instead of compiling as it goes.
     */
    private void warmUp(Path dir) throws IOException {
        Path cwd = dir.toRealPath();
        Optional<Path> dockerfile;
        try (Stream<Path> files = Files.walk(cwd, 4)) {
            dockerfile = files.filter(f -> f.getFileName().toString().equals("Dockerfile")).findFirst();
        }
        // a warm-up on less is still a warm-up: serve rather than fail
        Path examples = null;
        List<String> ruleExamples = List.of();
        List<String> corpus = List.of();
        try {
            examples = Files.createTempDirectory("dockfit-warm-up");
            ruleExamples = writeRuleExamples(examples);
        } catch (IOException e) {
            log("warming up without the rules' examples: " + e.getMessage());
        }
        if (examples != null) {
            try {
                corpus = WarmUpCorpus.write(examples);
            } catch (IOException e) {
                log("warming up without the warm-up corpus: " + e.getMessage());
            }
        }
        List<String> exampleFiles = new ArrayList<>(ruleExamples);
        exampleFiles.addAll(corpus);
        try {
            // the files one by one on the command line, as a large request names them
            List<String[]> runs = new ArrayList<>();
            for (String format : List.of("tty", "json", "sarif")) {
                List<String> args = new ArrayList<>(List.of("lint", "--format", format, "."));
                args.addAll(exampleFiles);
                runs.add(args.toArray(String[]::new));
            }
            dockerfile.ifPresent(f -> runs.add(new String[] {"parse", f.toString()}));
            long start = System.nanoTime();
            // the knowledge base parses an image's tag lists on first use; a request names many images
            ImageKnowledge.get().images();
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                for (String[] args : runs) {
                    // into bytes, as a request's output goes (the UTF-8 encoder's loops are hot in a large one)
                    ChunkedBytes bytes = new ChunkedBytes();
                    PrintWriter out = writer(bytes);
                    Main.execute(new Invocation(cwd, Map.of(), true, InputStream.nullInputStream(), bytes), out, out, args);
                    out.flush();
                }
            }
            log("warmed up on " + cwd + (ruleExamples.isEmpty() ? "" : ", the rules' examples")
                    + (corpus.isEmpty() ? "" : ", " + corpus.size() + " Dockerfiles of the warm-up corpus") + " in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
        } finally {
            if (examples != null) deleteFlat(examples);
        }
    }

    /**
     * Writes each rule's bad and good example as a Dockerfile, and all of them in one long file (long files run
     * loops that small ones do not); returns their paths.
     */
    private static List<String> writeRuleExamples(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (RuleInfo rule : AllRules.infos()) {
            for (String kind : List.of("bad", "good")) {
                String text = kind.equals("bad") ? rule.bad() : rule.good();
                Path f = dir.resolve(rule.id() + "." + kind + ".Dockerfile");
                Files.writeString(f, text);
                files.add(f.toString());
                all.append(text).append('\n');
            }
        }
        Path whole = dir.resolve("all.Dockerfile");
        Files.writeString(whole, all);
        files.add(whole.toString());
        return files;
    }

    /** Removes a directory of plain files (the warm-up's), quietly: a leftover in the temp dir is no failure. */
    private void deleteFlat(Path dir) {
        try {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            log("could not remove " + dir + ": " + e.getMessage());
        }
    }

    private void log(String message) {
        settings.log().println(Instant.now() + " dockfit server: " + message);
        settings.log().flush();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to tell the client: it falls back to a JVM of its own
        }
    }
}
