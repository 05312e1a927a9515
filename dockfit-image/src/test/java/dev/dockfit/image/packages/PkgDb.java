package dev.dockfit.image.packages;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads ../shared/pkgdb samples, skipping the calling test loudly when ../shared is absent. */
final class PkgDb {

    private PkgDb() {
    }

    static byte[] read(String relative) {
        String root = System.getProperty("dockfit.root");
        Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        Path p = base.resolve("../shared/pkgdb").resolve(relative).normalize();
        assumeTrue(Files.isRegularFile(p), "SKIPPED: shared test data " + p + " is absent (the ../shared folder next to the repository)");
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One embedded file of a txtar archive ({@code -- name --} lines start each file). */
    static byte[] txtar(String relative, String name) {
        StringBuilder out = new StringBuilder();
        boolean in = false;
        for (String line : new String(read(relative), java.nio.charset.StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.startsWith("-- ") && line.endsWith(" --")) {
                in = line.equals("-- " + name + " --");
                continue;
            }
            if (in) out.append(line).append('\n');
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
