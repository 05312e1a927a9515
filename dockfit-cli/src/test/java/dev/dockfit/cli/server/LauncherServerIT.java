package dev.dockfit.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher ({@code ./dockfit}, through bash) on the packaged jar: the first lint runs in a JVM of its own
 * and starts the server in the background; later runs go through the server and print exactly what a direct run
 * ({@code DOCKFIT_SERVER=0}) prints. Runs after the package phase (failsafe), with its own state directory.
 */
class LauncherServerIT {
    @TempDir
    Path tmp;

    Path root;
    Path runtimeDir;
    Path project;

    @BeforeEach
    void setUp() throws IOException {
        root = Path.of(System.getProperty("dockfit.root", "..")).toAbsolutePath().normalize();
        Path jar = root.resolve("dockfit-cli/target/dockfit.jar");
        Assumptions.assumeTrue(new File("/bin/bash").canExecute() || new File("/usr/bin/bash").canExecute(),
                "BASH IS NOT INSTALLED: the launcher test is skipped");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "NO PACKAGED JAR " + jar + ": run ./mvnw verify (package phase)");
        Assumptions.assumeFalse(SourceTree.of(root).newerThan(Files.getLastModifiedTime(jar)),
                "A SOURCE IS NEWER THAN " + jar + ": the launcher would rebuild it inside the test; skipped");
        runtimeDir = Files.createDirectory(tmp.resolve("run"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        project = tmp.resolve("project");
        write("clean/Dockerfile", LintServerTest.CLEAN);
        write("warn/Dockerfile", LintServerTest.ROOT_APT);
        write("warn/Dockerfile.ü", LintServerTest.ROOT_APT.replace("curl", "curl # é€"));
        write("broken/Dockerfile", "FROM alpine\nENV PATH\n");
        write("configured/.dockfit.yaml", "ignore: [DF001]\n");
        write("configured/Dockerfile", LintServerTest.ROOT_APT);
    }

    @AfterEach
    void stopServer() throws Exception {
        if (runtimeDir != null) run(project, Map.of(), "server", "stop");
    }

    void write(String rel, String text) throws IOException {
        Path p = project.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    record Run(int exit, String out, String err) {
    }

    /** Runs the launcher in {@code cwd}; standard output must end when the launcher does (no server holds it). */
    Run run(Path cwd, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("dockfit").toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().remove("DOCKFIT_SERVER");
        pb.environment().remove("DOCKFIT_JAVA_OPTS");
        pb.environment().remove("NO_COLOR");
        pb.environment().put("XDG_RUNTIME_DIR", runtimeDir.toString());
        pb.environment().put("DOCKFIT_SERVER_IDLE", "300");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Run(p.exitValue(), out.get(60, TimeUnit.SECONDS), err.get(60, TimeUnit.SECONDS));
    }

    static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * The {@code server run} process lives until the server stops, here by its idle timeout: an earlier version
     * waited a fixed 30 s and then exited, so every server died half a minute after it started.
     */
    @Test
    void theServerLivesUntilItsIdleTimeout() throws Exception {
        Run start = run(project, Map.of("DOCKFIT_SERVER_IDLE", "36"), "server", "start");
        assertThat(start.out()).as(start.err()).startsWith("dockfit server: running");
        long started = System.nanoTime();
        Matcher pid = Pattern.compile("pid (\\d+),").matcher(start.out());
        assertThat(pid.find()).as(start.out()).isTrue();
        // watched through its process, not by asking it (a request would reset its idle time)
        ProcessHandle server = ProcessHandle.of(Long.parseLong(pid.group(1))).orElseThrow();
        TimeUnit.SECONDS.sleep(33);
        assertThat(server.isAlive()).as("still serving after 33 s").isTrue();
        server.onExit().get(60, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isGreaterThanOrEqualTo(35);
        try (Stream<Path> logs = Files.list(runtimeDir.resolve("dockfit/server"))) {
            Path log = logs.filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
            assertThat(Files.readString(log)).contains("stopping: idle for 36 s");
        }
    }

    @Test
    void theFirstRunIsDirectAndStartsTheServerThenRunsAreServedWithTheSameOutput() throws Exception {
        Map<String, String> direct = Map.of("DOCKFIT_SERVER", "0");
        Run first = run(project, Map.of(), "lint", "--format", "json", "warn/Dockerfile");
        assertThat(first).isEqualTo(run(project, direct, "lint", "--format", "json", "warn/Dockerfile"));

        Run start = run(project, Map.of(), "server", "start");
        assertThat(start.exit()).as(start.err()).isZero();
        assertThat(start.out()).startsWith("dockfit server: running");

        List<String[]> cases = List.of(
                new String[] {"lint", "clean/Dockerfile"},
                new String[] {"lint", "warn/Dockerfile"},
                new String[] {"lint", project.resolve("warn/Dockerfile").toString()},
                new String[] {"lint", "--format", "json", "warn", "clean"},
                new String[] {"lint", "--format", "sarif", "."},
                new String[] {"lint", "configured/Dockerfile"},
                new String[] {"lint", "broken/Dockerfile"},
                new String[] {"lint", "missing/Dockerfile"},
                // UTF-8 in names, content and standard error (which the launcher reads by byte count)
                new String[] {"lint", "--format", "gnu", "warn/Dockerfile.ü"},
                new String[] {"lint", "missing/é€.Dockerfile"},
                new String[] {"lint", "--format", "yaml", "warn/Dockerfile"},
                new String[] {"parse", "warn/Dockerfile"},
                new String[] {"parse", "broken/Dockerfile"});
        List<Integer> exits = new ArrayList<>();
        for (String[] args : cases) {
            Run served = run(project, Map.of(), args);
            assertThat(served).as(String.join(" ", args)).isEqualTo(run(project, direct, args));
            exits.add(served.exit());
        }
        Run sub = run(project.resolve("warn"), Map.of(), "lint", "--format", "gnu", "Dockerfile");
        assertThat(sub).isEqualTo(run(project.resolve("warn"), direct, "lint", "--format", "gnu", "Dockerfile"));
        assertThat(sub.out()).startsWith("Dockerfile:1:1: warning");
        assertThat(exits).contains(0, 1, 2, 3);
        // refused by the server (help colours depend on the JVM's terminal): the launcher runs them directly
        for (String[] args : List.of(new String[] {"lint", "--help"}, new String[] {"lint", "--debug", "broken/Dockerfile"})) {
            assertThat(run(project, Map.of(), args)).as(String.join(" ", args)).isEqualTo(run(project, direct, args));
        }

        Run status = run(project, Map.of(), "server", "status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).as("every run above went through the server")
                .containsPattern("up \\d+ s, " + (cases.size() + 1) + " request\\(s\\) served");

        assertThat(run(project, Map.of(), "server", "stop").out()).startsWith("dockfit server: stopped");
        Run after = run(project, Map.of(), "server", "status");
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.out()).startsWith("dockfit server: not running");
    }
}
