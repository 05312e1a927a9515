package dev.dockfit.cli.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.cli.Main;
import dev.dockfit.testenv.Buildah;
import dev.dockfit.testenv.DebianBase;
import dev.dockfit.testenv.ImageRecipe;
import dev.dockfit.testenv.TestImages;
import dev.dockfit.testenv.Tools;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof suite: for each sample application in examples/fix, {@code dockfit fix --write} a copy, build the
 * original and the fixed Dockerfile with buildah, and check that the fixed build succeeds, prints the same, is
 * smaller, runs as a non-root user, and after a source change reuses the dependency-install layer. The base
 * images are made locally (debootstrapped Debian plus Debian's packages) and tagged like their official
 * counterparts, full and slim, so the base-image fix has real targets. Skips loudly without buildah/debootstrap/root.
 */
@Tag("image")
class FixProofTest {
    private static final Duration BUILD = Duration.ofMinutes(30);

    /** A sample app: its directory, the command that prints its output, the source file to touch, the install step. */
    record App(String dir, List<String> run, String source, String installStep) {
        @Override
        public String toString() {
            return dir;
        }
    }

    static Stream<Arguments> apps() {
        return Stream.of(
                Arguments.of(new App("python", List.of("python", "app.py"), "app.py", "pip install")),
                Arguments.of(new App("node", List.of("node", "index.js"), "index.js", "npm ci")),
                Arguments.of(new App("static-site", List.of("sh", "-c",
                        "printf 'GET /index.html HTTP/1.0\\r\\n\\r\\n' | busybox httpd -i -h /srv/www | sed '1,/^\\r$/d'"),
                        "index.html", "apt-get install")),
                Arguments.of(new App("native", List.of("./hello"), "hello.c", "apt-get install")),
                Arguments.of(new App("node-build", List.of("node", "dist/server.js"), "src/server.js", "npm ci")),
                Arguments.of(new App("go", List.of("hello"), "main.go", "go mod download")),
                Arguments.of(new App("java-maven", List.of("java", "-jar", "/app/target/hello-1.0.jar"), "src/main/java/dev/dockfit/sample/Hello.java",
                        "dependency:go-offline")))
                .filter(a -> selected(((App) a.get()[0]).dir()));
    }

    /** {@code -Dfixproof.apps=go,node} runs only these apps (one at a time while iterating: builds are slow). */
    private static boolean selected(String app) {
        String only = System.getProperty("fixproof.apps", "");
        return only.isBlank() || List.of(only.split(",")).contains(app);
    }

    @BeforeAll
    static void bases() {
        Tools.assumeImageBuilds();
        Buildah b = Buildah.shared();
        String python = "python3 python3-pip python-is-python3";
        String noPep668 = " && rm -rf /var/lib/apt/lists/* /usr/lib/python3*/EXTERNALLY-MANAGED\n";
        String nodeUser = "RUN groupadd -g 1000 node && useradd -u 1000 -g node -m -s /bin/sh node\n";
        tag(b, DebianBase.bookworm(), "debian:bookworm");
        tag(b, DebianBase.slim(), "debian:bookworm-slim");
        tag(b, TestImages.ensureImage("fixproof-python-full", ImageRecipe.of("FROM " + DebianBase.bookworm() + "\n"
                + "RUN apt-get update && apt-get install -y --no-install-recommends " + python
                + " gcc libc6-dev make git curl wget" + noPep668)), "python:3.11");
        tag(b, TestImages.ensureImage("fixproof-python-slim", ImageRecipe.of("FROM " + DebianBase.slim() + "\n"
                + "RUN apt-get update && apt-get install -y --no-install-recommends " + python + noPep668)), "python:3.11-slim");
        tag(b, TestImages.ensureImage("fixproof-node-full", ImageRecipe.of("FROM " + DebianBase.bookworm() + "\n"
                + "RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm git curl wget"
                + " && rm -rf /var/lib/apt/lists/*\n" + nodeUser)), "node:22");
        tag(b, TestImages.ensureImage("fixproof-node-slim", ImageRecipe.of("FROM " + DebianBase.slim() + "\n"
                + "RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm"
                + " && rm -rf /var/lib/apt/lists/*\n" + nodeUser)), "node:22-slim");
        // Debian bookworm's Go is 1.19 and its JDK 17: the tags name the real versions.
        tag(b, TestImages.ensureImage("fixproof-golang", ImageRecipe.of("FROM " + DebianBase.bookworm() + "\n"
                + "RUN apt-get update && apt-get install -y --no-install-recommends golang-go gcc libc6-dev git"
                + " && rm -rf /var/lib/apt/lists/*\n")), "golang:1.19");
        tag(b, TestImages.ensureImage("fixproof-maven", ImageRecipe.of("FROM " + DebianBase.bookworm() + "\n"
                + "RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven"
                + " && rm -rf /var/lib/apt/lists/*\n")), "maven:3-eclipse-temurin-17");
        // the JRE's postinst registers man pages with update-alternatives: the slim base has no man1 directory
        tag(b, TestImages.ensureImage("fixproof-jre", ImageRecipe.of("FROM " + DebianBase.slim() + "\n"
                + "RUN mkdir -p /usr/share/man/man1 && apt-get update"
                + " && apt-get install -y --no-install-recommends openjdk-17-jre-headless"
                + " && rm -rf /var/lib/apt/lists/*\n")), "eclipse-temurin:17-jre");
    }

    private static void tag(Buildah b, String image, String official) {
        b.run(Duration.ofMinutes(1), "tag", image, "docker.io/library/" + official);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void fixedImageBuildsRunsTheSameSmallerAndNonRoot(App app, @TempDir Path tmp) throws IOException {
        Buildah b = Buildah.shared();
        Path example = root().resolve("examples/fix").resolve(app.dir());
        Path original = copy(example, tmp.resolve("original"));
        Path fixed = copy(example, tmp.resolve("fixed"));

        StringWriter out = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "fix", "--write",
                fixed.resolve("Dockerfile").toString());
        System.out.println("[fix-proof] " + app + ": dockfit fix exit " + code + "\n" + out);
        assertThat(Files.readString(fixed.resolve("Dockerfile"))).isNotEqualTo(Files.readString(original.resolve("Dockerfile")));

        String before = "localhost/fixproof/" + app.dir() + ":original";
        String after = "localhost/fixproof/" + app.dir() + ":fixed";
        build(b, original, before);
        build(b, fixed, after);

        String outBefore = b.runIn(before, app.run().toArray(String[]::new));
        String outAfter = b.runIn(after, app.run().toArray(String[]::new));
        assertThat(outAfter).isEqualTo(outBefore).isNotBlank();

        long sizeBefore = size(b, before);
        long sizeAfter = size(b, after);
        System.out.println("[fix-proof] " + app + ": " + sizeBefore + " bytes -> " + sizeAfter + " bytes");
        record(app.dir(), sizeBefore, sizeAfter);
        assertThat(sizeAfter).isLessThan(sizeBefore);

        assertThat(runtimeUid(b, after)).isNotEqualTo("0");

        Files.writeString(fixed.resolve(app.source()), "\n", StandardOpenOption.APPEND);
        String log = build(b, fixed, after);
        assertThat(reusedStep(log, app.installStep())).as("rebuild log:\n" + log).isTrue();
    }

    /** {@code --level all} adds BuildKit cache mounts: the result builds with buildah and runs the same. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cacheMountApps")
    void levelAllCacheMountsBuildAndRunTheSame(App app, @TempDir Path tmp) throws IOException {
        Buildah b = Buildah.shared();
        Path fixed = copy(root().resolve("examples/fix").resolve(app.dir()), tmp.resolve("fixed"));
        StringWriter out = new StringWriter();
        Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "fix", "--write", "--level", "all",
                fixed.resolve("Dockerfile").toString());
        System.out.println("[fix-proof] " + app + " --level all:\n" + out);
        assertThat(Files.readString(fixed.resolve("Dockerfile"))).contains("--mount=type=cache,target=");
        String original = "localhost/fixproof/" + app.dir() + ":original";
        String cached = "localhost/fixproof/" + app.dir() + ":fixed-all";
        build(b, copy(root().resolve("examples/fix").resolve(app.dir()), tmp.resolve("original")), original);
        build(b, fixed, cached);
        assertThat(b.runIn(cached, app.run().toArray(String[]::new)))
                .isEqualTo(b.runIn(original, app.run().toArray(String[]::new))).isNotBlank();
        assertThat(runtimeUid(b, cached)).isNotEqualTo("0");
    }

    static Stream<Arguments> cacheMountApps() {
        return apps().filter(a -> List.of("python", "node").contains(((App) a.get()[0]).dir()));
    }

    /**
     * The uid the container runs as: a numeric USER as written (a scratch image has no {@code id} to ask), else
     * {@code id -u} in the container.
     */
    private static String runtimeUid(Buildah b, String image) {
        String user = b.inspect(image, "{{.OCIv1.Config.User}}").strip();
        String uid = user.replaceAll(":.*", "");
        return uid.matches("[0-9]+") ? uid : b.runIn(image, "id", "-u").strip();
    }

    private static String build(Buildah b, Path context, String tag) {
        return b.run(BUILD, "build", "--isolation", "chroot", "--network", "host", "--layers", "--pull-never",
                "-f", context.resolve("Dockerfile").toString(), "-t", tag, context.toString());
    }

    /** True when the build step running {@code step} was taken from the layer cache. */
    static boolean reusedStep(String log, String step) {
        String[] lines = log.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            // a multi-stage build prefixes its steps with the stage: "[1/2] STEP 4/6: RUN ..."
            if (lines[i].matches("(\\[\\d+/\\d+\\] )?STEP .*") && lines[i].contains(step)) {
                return lines[i + 1].startsWith("--> Using cache");
            }
        }
        return false;
    }

    /** The bytes of every regular file in the image's root filesystem. */
    private static long size(Buildah b, String image) {
        return b.withRootfs(image, rootfs -> {
            AtomicLong total = new AtomicLong();
            try (Stream<Path> files = Files.walk(rootfs)) {
                files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
                    try {
                        total.addAndGet(Files.size(p));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return total.get();
        });
    }

    private static void record(String app, long before, long after) throws IOException {
        Path table = root().resolve("dockfit-cli/target/fix-proof-sizes.txt");
        Files.createDirectories(table.getParent());
        Files.writeString(table, app + " " + before + " " + after + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static Path copy(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(from)) {
            s.forEach(all::add);
        }
        for (Path p : all) {
            Path t = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) Files.createDirectories(t);
            else Files.copy(p, t);
        }
        return to;
    }

    static Path root() {
        String root = System.getProperty("dockfit.root");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
    }
}
