package dev.dockfit.cli.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockfit.cli.Invocation;
import dev.dockfit.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint server in this JVM, on an ephemeral port with a state file in a temporary directory, spoken to by
 * {@link ServerClient} (the protocol the launcher speaks in bash): what it prints must be what a direct run
 * prints, byte for byte, for the caller's working directory, environment and terminal.
 */
class LintServerTest {
    /** Runs as root (DF001, a warning) and installs recommended packages (DF400, info). */
    static final String ROOT_APT = """
            FROM debian:bookworm-slim
            RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
            """;
    static final String CLEAN = """
            FROM debian:bookworm-slim
            USER nobody
            """;

    @TempDir
    Path tmp;

    Path stateDir;
    Path project;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    final List<LintServer> servers = new ArrayList<>();

    @BeforeEach
    void project() throws IOException {
        stateDir = Files.createDirectory(tmp.resolve("state"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        project = tmp.resolve("project");
        write("clean/Dockerfile", CLEAN);
        write("warn/Dockerfile", ROOT_APT);
        write("warn/Dockerfile.ünïcode", ROOT_APT.replace("curl", "curl # é€"));
        write("broken/Dockerfile", "FROM alpine\nENV PATH\n");
        // a configuration found from the Dockerfile's directory: DF001 off there
        write("configured/.dockfit.yaml", "ignore: [DF001]\n");
        write("configured/Dockerfile", ROOT_APT);
    }

    @AfterEach
    void stopServers() throws InterruptedException {
        for (LintServer s : servers) {
            s.stop("test over");
            s.awaitStop(Duration.ofSeconds(30));
        }
    }

    Path write(String rel, String text) throws IOException {
        Path p = project.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    LintServer start(Path jar, Path sources, Duration idle) throws IOException {
        LintServer s = LintServer.start(new LintServer.Settings(stateDir.resolve("server"), jar, sources, idle, null,
                new PrintStream(log, true, StandardCharsets.UTF_8)));
        servers.add(s);
        return s;
    }

    LintServer start() throws IOException {
        return start(null, null, Duration.ofMinutes(10));
    }

    /** What a run prints and returns. */
    record Run(int exit, String out, String err) {
        static Run of(Response r) {
            return new Run(r.exitCode(), new String(r.stdout(), StandardCharsets.UTF_8), new String(r.stderr(), StandardCharsets.UTF_8));
        }
    }

    static Run direct(Path cwd, Map<String, String> env, boolean console, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8));
        int code = Main.execute(new Invocation(cwd, env, console, InputStream.nullInputStream()), o, e, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run served(LintServer server, Path cwd, Map<String, String> env, boolean console, String... args)
            throws IOException {
        String ttys = console ? "111" : "000";
        return Run.of(ServerClient.send(server.state(),
                new Request(server.state().clientToken(), "run", cwd.toString(), ttys, env, List.of(args))));
    }

    @Test
    void servedRunsPrintWhatDirectRunsPrintForEveryFormatPathColourAndExitCode() throws IOException {
        LintServer server = start();
        Path abs = project.resolve("warn/Dockerfile");
        Map<String, String> noColor = Map.of("NO_COLOR", "1");
        Map<String, String> colour = Map.of("HOME", tmp.toString());
        List<String[]> cases = List.of(
                new String[] {"lint", "clean/Dockerfile"},
                new String[] {"lint", "warn/Dockerfile"},
                new String[] {"lint", abs.toString()},
                new String[] {"lint", "--format", "json", "warn", "clean"},
                new String[] {"lint", "--format", "sarif", "warn/Dockerfile"},
                new String[] {"lint", "--format", "gnu", "."},
                new String[] {"lint", "configured/Dockerfile"},
                new String[] {"lint", "broken/Dockerfile"},
                new String[] {"lint", "missing/Dockerfile"},
                new String[] {"lint", "--format", "yaml", "warn/Dockerfile"},
                new String[] {"lint", "--no-color", "warn/Dockerfile"},
                new String[] {"parse", "warn/Dockerfile"},
                new String[] {"parse", "--format", "buildkit", abs.toString()},
                new String[] {"parse", "broken/Dockerfile"},
                new String[] {"parse", "clean"});
        List<Integer> exits = new ArrayList<>();
        for (String[] args : cases) {
            for (boolean console : new boolean[] {false, true}) {
                for (Map<String, String> env : List.of(noColor, colour)) {
                    Run direct = direct(project, env, console, args);
                    Run served = served(server, project, env, console, args);
                    assertThat(served).as(String.join(" ", args) + " console=" + console + " env=" + env).isEqualTo(direct);
                    exits.add(direct.exit());
                }
            }
        }
        assertThat(exits).as("ok, findings, usage error and I/O error all covered").contains(0, 1, 2, 3);
        // colour only on a terminal without NO_COLOR, as a direct run decides it
        assertThat(served(server, project, colour, true, "lint", "warn/Dockerfile").out()).contains("\u001b[");
        assertThat(served(server, project, noColor, true, "lint", "warn/Dockerfile").out()).doesNotContain("\u001b[");
        assertThat(served(server, project, colour, false, "lint", "warn/Dockerfile").out()).doesNotContain("\u001b[");
    }

    @Test
    void theWarmUpLintsTheRulesExamplesAndTheCorpusLeavesNoFilesBehindAndTheServerThenServes() throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        List<String> before = warmUpDirs(temp);
        LintServer s = LintServer.start(new LintServer.Settings(stateDir.resolve("server"), null, null,
                Duration.ofMinutes(10), project, new PrintStream(log, true, StandardCharsets.UTF_8)));
        servers.add(s);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("warmed up on " + project.toRealPath()
                + ", the rules' examples, " + WarmUpCorpus.names().size() + " Dockerfiles of the warm-up corpus in ");
        assertThat(warmUpDirs(temp)).isEqualTo(before);
        assertThat(served(s, project, Map.of(), false, "lint", "warn/Dockerfile"))
                .isEqualTo(direct(project, Map.of(), false, "lint", "warn/Dockerfile"));
    }

    private static List<String> warmUpDirs(Path temp) throws IOException {
        try (var files = Files.list(temp)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("dockfit-warm-up")).sorted().toList();
        }
    }

    @Test
    void anUnreadableFileIsTheSameIoErrorServedAndDirect() throws IOException {
        Path secret = write("secret/Dockerfile", CLEAN);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(secret), "RUNNING AS ROOT: a mode 000 file is still readable; skipped");
        LintServer server = start();
        Run direct = direct(project, Map.of(), false, "lint", "secret/Dockerfile", "warn/Dockerfile");
        assertThat(direct.exit()).isEqualTo(3);
        assertThat(direct.err()).startsWith("dockfit lint: secret/Dockerfile: cannot read");
        assertThat(served(server, project, Map.of(), false, "lint", "secret/Dockerfile", "warn/Dockerfile")).isEqualTo(direct);
    }

    @Test
    void relativePathsAndConfigurationAreTheCallersNotTheServers() throws IOException {
        LintServer server = start();
        Run fromProject = served(server, project, Map.of(), false, "lint", "--format", "gnu", "configured/Dockerfile");
        Run fromDir = served(server, project.resolve("configured"), Map.of(), false, "lint", "--format", "gnu", "Dockerfile");
        assertThat(fromProject.out()).startsWith("configured/Dockerfile:").doesNotContain("DF001");
        assertThat(fromDir.out()).startsWith("Dockerfile:").doesNotContain("DF001")
                .isEqualTo(fromProject.out().replace("configured/Dockerfile", "Dockerfile"));
        Run elsewhere = served(server, project.resolve("warn"), Map.of(), false, "lint", "--format", "gnu", "Dockerfile");
        assertThat(elsewhere.out()).contains("DF001");
    }

    @Test
    void concurrentRequestsFromDifferentDirectoriesDoNotMix() throws Exception {
        LintServer server = start();
        Run warn = direct(project.resolve("warn"), Map.of(), false, "lint", "--format", "json", "Dockerfile");
        Run clean = direct(project.resolve("clean"), Map.of(), false, "lint", "--format", "json", "Dockerfile");
        assertThat(warn.out()).isNotEqualTo(clean.out());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                boolean w = i % 2 == 0;
                results.add(pool.submit(() -> served(server, project.resolve(w ? "warn" : "clean"), Map.of(), false,
                        "lint", "--format", "json", "Dockerfile").equals(w ? warn : clean)));
            }
            for (Future<Boolean> f : results) assertThat(f.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWrongTokenIsRejectedAndTheServerKeepsServing() throws IOException {
        LintServer server = start();
        ServerState s = server.state();
        Request wrong = new Request("0".repeat(32), "run", project.toString(), "000", Map.of(), List.of("lint", "clean"));
        assertThatThrownBy(() -> ServerClient.send(s, wrong)).isInstanceOf(IOException.class);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("wrong token");
        assertThat(served(server, project, Map.of(), false, "lint", "clean").exit()).isZero();
    }

    @Test
    void onlyLintAndParseAreServedAndNeverWhatNeedsTheCallersProcess() throws IOException {
        LintServer server = start();
        List<List<String>> refused = List.of(List.of("fix", "warn/Dockerfile"), List.of("lint", "-"), List.<String>of(),
                List.of("lint", "warn/Dockerfile", "-"), List.of("lint", "--help"), List.of("parse", "-h"),
                List.of("lint", "-V"), List.of("lint", "--version"), List.of("lint", "--debug", "warn/Dockerfile"),
                List.of("lint", "warn/Dockerfile", "-o", "out.json"), List.of("lint", "-oout.json", "warn/Dockerfile"),
                List.of("lint", "--output=out.json", "warn/Dockerfile"));
        for (List<String> args : refused) {
            Request r = new Request(server.state().clientToken(), "run", project.toString(), "000", Map.of(), args);
            assertThatThrownBy(() -> ServerClient.send(server.state(), r)).as(args.toString()).isInstanceOf(IOException.class);
        }
        assertThat(project.resolve("out.json")).doesNotExist();
        assertThat(served(server, project, Map.of(), false, "lint", "--format", "gnu", "warn/Dockerfile", "--no-color").exit())
                .as("options that do not need the caller's process are served, wherever they are").isEqualTo(1);
    }

    @Test
    void theStateFileIsPrivateAndAnOpenDirectoryIsRefused() throws IOException {
        LintServer server = start();
        Path state = stateDir.resolve("server");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rw-------");
        assertThat(ServerState.read(state)).contains(server.state());
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> LintServer.start(new LintServer.Settings(open.resolve("server"), null, null,
                Duration.ofMinutes(1), null, new PrintStream(log, true, StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class).hasMessageContaining("others may enter it");
    }

    @Test
    void itStopsWhenIdle() throws Exception {
        LintServer server = start(null, null, Duration.ofMillis(300));
        assertThat(server.awaitStop(Duration.ofSeconds(60))).isTrue();
        assertThat(stateDir.resolve("server")).doesNotExist();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("stopping: idle");
    }

    @Test
    void itStopsWhenItsStateFileIsRemovedOrTakenOver() throws Exception {
        LintServer first = start();
        LintServer second = start();
        assertThat(first.awaitStop(Duration.ofSeconds(60))).as("the second server's state file replaced the first's").isTrue();
        Files.delete(stateDir.resolve("server"));
        assertThat(second.awaitStop(Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void aRebuiltJarStopsTheServerAndItsRequestsGoElsewhere() throws Exception {
        Path jar = Files.writeString(tmp.resolve("dockfit.jar"), "version 1");
        LintServer server = start(jar, null, Duration.ofMinutes(10));
        assertThat(served(server, project, Map.of(), false, "lint", "clean").exit()).isZero();
        Files.writeString(jar, "version 2, longer");
        assertThatThrownBy(() -> served(server, project, Map.of(), false, "lint", "clean")).isInstanceOf(IOException.class);
        assertThat(server.awaitStop(Duration.ofSeconds(60))).isTrue();
        // the launcher then starts a new server for the new jar, which serves
        assertThat(served(start(jar, null, Duration.ofMinutes(10)), project, Map.of(), false, "lint", "clean").exit()).isZero();
    }

    @Test
    void aSourceNewerThanTheJarIsRefusedSoThatTheLauncherRebuilds() throws Exception {
        Path checkout = Files.createDirectories(tmp.resolve("checkout"));
        Path source = Files.createDirectories(checkout.resolve("dockfit-x/src/main/java")).resolve("A.java");
        Files.writeString(source, "class A {}");
        // built after the sources (directories count too, as for find -newer)
        Path jar = Files.writeString(checkout.resolve("dockfit.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        LintServer server = start(jar, checkout, Duration.ofMinutes(10));
        assertThat(served(server, project, Map.of(), false, "lint", "clean").exit()).isZero();
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(60)));
        assertThatThrownBy(() -> served(server, project, Map.of(), false, "lint", "clean")).isInstanceOf(IOException.class);
    }

    @Test
    void aSourceAddedOrRemovedAfterTheServerStartedIsSeen() throws Exception {
        // the server lists the sources once: a later file shows through its directory's modification time
        Path checkout = Files.createDirectories(tmp.resolve("checkout"));
        Path dir = Files.createDirectories(checkout.resolve("dockfit-x/src/main/java/a"));
        Path old = Files.writeString(dir.resolve("Old.java"), "class Old {}");
        Path jar = Files.writeString(checkout.resolve("dockfit.jar"), "jar");
        Instant built = Instant.now().minusSeconds(30);
        Files.setLastModifiedTime(jar, FileTime.from(built));
        for (Path p : List.of(old, dir, dir.getParent(), dir.getParent().getParent(), dir.getParent().getParent().getParent())) {
            Files.setLastModifiedTime(p, FileTime.from(built.minusSeconds(60)));
        }
        LintServer server = start(jar, checkout, Duration.ofMinutes(10));
        assertThat(served(server, project, Map.of(), false, "lint", "clean").exit()).isZero();
        // a file made with an old time (as mv keeps it): only its directory is new
        Path added = Files.createDirectory(dir.resolve("b")).resolve("New.java");
        Files.writeString(added, "class New {}");
        Files.setLastModifiedTime(added, FileTime.from(built.minusSeconds(60)));
        Files.setLastModifiedTime(added.getParent(), FileTime.from(built.minusSeconds(60)));
        assertThatThrownBy(() -> served(server, project, Map.of(), false, "lint", "clean")).isInstanceOf(IOException.class);
        // back to old times everywhere, then a file removed
        Files.setLastModifiedTime(dir, FileTime.from(built.minusSeconds(60)));
        assertThat(served(server, project, Map.of(), false, "lint", "clean").exit()).isZero();
        Files.delete(old);
        assertThatThrownBy(() -> served(server, project, Map.of(), false, "lint", "clean")).isInstanceOf(IOException.class);
    }

    @Test
    void statusAndStopCommands() throws Exception {
        LintServer server = start();
        String state = stateDir.resolve("server").toString();
        Run status = direct(project, Map.of(), false, "server", "status", "--state", state);
        assertThat(status.exit()).isZero();
        assertThat(status.out()).startsWith("dockfit server: running, pid " + ProcessHandle.current().pid());
        Run stop = direct(project, Map.of(), false, "server", "stop", "--state", state);
        assertThat(stop.out()).startsWith("dockfit server: stopped");
        assertThat(server.awaitStop(Duration.ofSeconds(60))).isTrue();
        Run after = direct(project, Map.of(), false, "server", "status", "--state", state);
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.out()).isEqualTo("dockfit server: not running\n");
    }

    @Test
    void theLauncherSendsTheEnvironmentTheServedCommandsRead() throws IOException {
        Path root = Path.of(System.getProperty("dockfit.root", ".."));
        String launcher = Files.readString(root.resolve("dockfit"));
        assertThat(launcher).contains("served_env=(" + String.join(" ", Invocation.SERVED_ENVIRONMENT) + ")");
    }

    @Test
    void requestsRoundTrip() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NO_COLOR", "");
        env.put("HOME", "/home/ü");
        Request r = new Request("t", "run", "/a b", "101", env, List.of("lint", "x y", "", "ü"));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        r.write(b, StandardCharsets.UTF_8);
        assertThat(Request.read(new java.io.ByteArrayInputStream(b.toByteArray()), StandardCharsets.UTF_8)).isEqualTo(r);
    }
}
