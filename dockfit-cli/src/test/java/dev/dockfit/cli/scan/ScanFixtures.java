package dev.dockfit.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockfit.cli.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared test data, databases imported through the CLI, and JSON scan runs. */
final class ScanFixtures {

    private ScanFixtures() {
    }

    /** A path under ../shared; skips the test when the folder is absent. */
    static Path shared(String relative) {
        String root = System.getProperty("dockfit.root");
        Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        Path p = base.resolve("../shared").resolve(relative).normalize();
        assumeTrue(Files.exists(p), "!!!!! SKIPPED: shared test data " + p + " is absent (the ../shared folder next to the repository) !!!!!");
        return p;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A database in {@code dir} holding the given OSV files or folders, imported with {@code dockfit db import}. */
    static Path database(Path dir, Path... sources) {
        String[] args = new String[3 + sources.length];
        args[0] = "db";
        args[1] = "--db-dir=" + dir;
        args[2] = "import";
        for (int i = 0; i < sources.length; i++) args[3 + i] = sources[i].toString();
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return dir;
    }

    /** Runs {@code dockfit scan --format json} and returns the parsed document. */
    static JsonNode scanJson(Path db, String source, String... extra) {
        String[] args = new String[5 + extra.length];
        args[0] = "scan";
        args[1] = "--db-dir=" + db;
        args[2] = "--format=json";
        System.arraycopy(extra, 0, args, 3, extra.length);
        args[3 + extra.length] = "--offline";
        args[4 + extra.length] = source;
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        try {
            return new ObjectMapper().readTree(run.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
