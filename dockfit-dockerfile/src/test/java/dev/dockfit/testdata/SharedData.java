package dev.dockfit.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared} (test data kept beside the repository; see its LICENSES folder for attribution)
 * and skips the calling test loudly when it is absent.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("dockfit.root");
        Path repo = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        while (repo != null && !Files.exists(repo.resolve("mvnw"))) repo = repo.getParent();
        return repo == null ? Path.of("").toAbsolutePath() : repo;
    }

    /** {@code ../shared/<relative>}, or the test is skipped with a message saying what is missing. */
    public static Path require(String relative) {
        Path p = root().resolve("..").resolve("shared").resolve(relative).normalize();
        assumeTrue(Files.exists(p), "SKIPPED: shared test data not found at " + p
                + " (clone the repository beside ../shared to run this test)");
        return p;
    }
}
