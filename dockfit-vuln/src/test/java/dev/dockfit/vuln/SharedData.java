package dev.dockfit.vuln;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockfit.vuln.osv.OsvFormatException;
import dev.dockfit.vuln.osv.OsvParser;
import dev.dockfit.vuln.osv.OsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Locates ../shared next to the repository root, skipping the calling test loudly when it is absent. */
public final class SharedData {

    private SharedData() {
    }

    public static Path require(String relative) {
        String root = System.getProperty("dockfit.root");
        Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        Path p = base.resolve("../shared").resolve(relative).normalize();
        assumeTrue(Files.exists(p), "SKIPPED: shared test data " + p + " is absent (the ../shared folder next to the repository)");
        return p;
    }

    /** Every {@code *.json} OSV record under {@code dir}, recursively. */
    public static List<OsvRecord> records(Path dir) {
        List<OsvRecord> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(OsvParser.parse(Files.readAllBytes(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OsvFormatException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
