package dev.dockfit.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/images (read-only samples); tests skip loudly when it is absent. */
public final class SharedImages {
    private SharedImages() {
    }

    public static Path root() {
        String prop = System.getProperty("dockfit.root");
        Path root = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
        if (prop == null && !Files.exists(root.resolve("mvnw"))) root = root.getParent();
        return root.resolve("../shared/images").normalize();
    }

    /** A sample file, or the test is skipped with a message saying what is missing. */
    public static Path sample(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), "SKIPPED: shared test image " + p + " is absent (needs ../shared/images)");
        return p;
    }
}
