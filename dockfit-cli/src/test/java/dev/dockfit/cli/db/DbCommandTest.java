package dev.dockfit.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.dockfit.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbCommandTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static Path shared(String relative) {
        String root = System.getProperty("dockfit.root");
        Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        Path p = base.resolve("../shared").resolve(relative).normalize();
        assumeTrue(Files.exists(p), "SKIPPED: shared test data " + p + " is absent (the ../shared folder next to the repository)");
        return p;
    }

    @Test
    void importThenStatus() {
        Path osv = shared("vulndata/debian12-derived/osv");
        String db = tmp.resolve("db").toString();
        Run empty = run("db", "status", "--db-dir", db);
        assertThat(empty.code()).isZero();
        assertThat(empty.out()).contains("The database is empty");

        Run imported = run("db", "import", "--db-dir", db, osv.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains(osv + ": 79 imported, 0 unchanged");

        Run status = run("db", "--db-dir", db, "status");
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("Records: 79").containsPattern("Debian:12\\s+78").containsPattern("Debian:11\\s+1")
                .doesNotContain("warning");
    }

    @Test
    void importErrorsAreOneLineWithDocumentedExitCodes() throws IOException {
        String db = tmp.resolve("db").toString();
        Run missing = run("db", "import", "--db-dir", db, tmp.resolve("nope.zip").toString());
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("nope.zip: no such file or directory");

        Path dir = tmp.resolve("records");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("broken.json"), "[1, 2");
        Run invalid = run("db", "import", "--db-dir", db, dir.toString());
        assertThat(invalid.code()).isEqualTo(1);
        assertThat(invalid.err()).contains("broken.json: not valid JSON");

        Run usage = run("db", "import", "--db-dir", db);
        assertThat(usage.code()).isEqualTo(2);
    }

    @Test
    void updateFromALocalMirror() throws IOException {
        Path osv = shared("vulndata/debian12-derived/osv");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip); Stream<Path> files = Files.list(osv)) {
            for (Path p : files.sorted().toList()) {
                z.putNextEntry(new ZipEntry(p.getFileName().toString()));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
        }
        byte[] body = zip.toByteArray();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            if (ex.getRequestURI().getPath().equals("/osv/Debian/all.zip")) {
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(body);
                }
            } else {
                ex.sendResponseHeaders(404, -1);
                ex.close();
            }
        });
        server.start();
        try {
            String mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/osv";
            String db = tmp.resolve("db").toString();
            Run ok = run("db", "update", "--db-dir", db, "--mirror", mirror, "--ecosystem", "Debian");
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("Debian: full update, 79 imported, 0 unchanged, 0 removed");

            Run partial = run("db", "update", "--db-dir", db, "--mirror", mirror, "-e", "Debian,Alpine");
            assertThat(partial.code()).isEqualTo(3);
            assertThat(partial.out()).contains("Debian: full update, 0 imported, 79 unchanged");
            assertThat(partial.err()).contains("Alpine: GET " + mirror + "/Alpine/all.zip answered HTTP 404");

            Run badUrl = run("db", "update", "--db-dir", db, "--mirror", "ftp://example");
            assertThat(badUrl.code()).isEqualTo(2);
        } finally {
            server.stop(0);
        }
    }
}
