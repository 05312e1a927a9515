package dev.dockfit.lint.bench;

import dev.dockfit.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Dockerfiles of ../shared/corpus/dockerfiles, read into memory in name order (benchmarks time linting, not I/O). */
public record CorpusFiles(Path dir, List<String> names, List<byte[]> contents) {

    /** The corpus, or an exception saying where it was looked for (a benchmark cannot be skipped). */
    public static CorpusFiles load() throws IOException {
        Path dir = SharedData.root().resolve("../shared/corpus/dockerfiles").normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("shared corpus not found at " + dir + " (clone the repository beside ../shared)");
        }
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && n.endsWith("Dockerfile")) {
                    names.add(n);
                    contents.add(Files.readAllBytes(p));
                }
            }
        }
        return new CorpusFiles(dir, names, contents);
    }
}
