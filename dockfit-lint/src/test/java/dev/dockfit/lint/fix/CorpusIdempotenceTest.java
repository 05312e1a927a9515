package dev.dockfit.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Over every Dockerfile of ../shared/corpus: fixing never crashes, never leaves a file that does not parse, and
 * fixing the fixed file changes nothing (at every level, and for random --only selections).
 */
class CorpusIdempotenceTest {

    static List<Path> corpus() {
        String root = System.getProperty("dockfit.root", Path.of("").toAbsolutePath().getParent().toString());
        Path dir = Path.of(root).resolve("../shared/corpus/dockerfiles").normalize();
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertIdempotent(byte[] bytes, FixLevel level, String... only) {
        FixResult once = Fixing.fix(bytes, level, null, only);
        if (once.parseError() != null) {
            assertThat(once.fixed()).isEqualTo(bytes);
            return;
        }
        assertThat(once.remaining().dockerfile()).as("the fixed file parses").isNotNull();
        FixResult twice = Fixing.fix(once.fixed(), level, null, only);
        assertThat(new String(twice.fixed(), StandardCharsets.UTF_8))
                .isEqualTo(new String(once.fixed(), StandardCharsets.UTF_8));
    }

    @Test
    void everyCorpusFileFixesToAFixedPoint() throws IOException {
        List<Path> files = corpus();
        assumeTrue(!files.isEmpty(), "../shared/corpus/dockerfiles is missing: corpus idempotence NOT checked");
        int changed = 0;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            try {
                assertIdempotent(bytes, FixLevel.ALL);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(f.getFileName() + ": " + e.getMessage(), e);
            }
            if (Fixing.fix(bytes, FixLevel.ALL, null).changed()) changed++;
        }
        System.out.println("fix corpus: " + changed + " of " + files.size() + " files changed");
        assertThat(changed).isPositive();
    }

    @Provide
    Arbitrary<Integer> fileIndex() {
        return Arbitraries.integers().between(0, Math.max(0, corpus().size() - 1));
    }

    @Provide
    Arbitrary<List<String>> rules() {
        List<String> ids = new ArrayList<>(FixRegistry.fixableRules());
        return Arbitraries.of(ids).list().uniqueElements().ofMaxSize(3);
    }

    @Property(tries = 60)
    void fixingIsIdempotentForAnyLevelAndSelection(@ForAll("fileIndex") int index, @ForAll FixLevel level,
                                                   @ForAll("rules") List<String> only) throws IOException {
        List<Path> files = corpus();
        if (files.isEmpty()) return;
        assertIdempotent(Files.readAllBytes(files.get(index)), level, only.toArray(String[]::new));
    }
}
