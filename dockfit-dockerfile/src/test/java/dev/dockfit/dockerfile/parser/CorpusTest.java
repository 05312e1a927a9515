package dev.dockfit.dockerfile.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every real-world Dockerfile in ../shared/corpus parses, and renders back to the same bytes. */
class CorpusTest {

    static List<Path> corpusFiles() throws IOException {
        Path root = SharedData.require("corpus");
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".md")
                            && !p.getFileName().toString().endsWith(".tsv"))
                    .sorted().toList();
        }
    }

    @Test
    void everyDockerfileOfTheCorpusParsesAndRendersLosslessly() throws IOException {
        Path dockerfiles = SharedData.require("corpus/dockerfiles");
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        for (Path f : corpusFiles()) {
            byte[] bytes = Files.readAllBytes(f);
            try {
                var df = DockerfileParser.parse(f.toString(), bytes);
                parsed++;
                if (!java.util.Arrays.equals(df.render(), bytes)) failures.add(f + ": render differs");
            } catch (DockerfileParseException e) {
                // Other linters' fixtures include deliberately broken files; the real-world set must all parse.
                if (f.startsWith(dockerfiles)) failures.add(e.format(f.toString()));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(parsed).isGreaterThanOrEqualTo(255);
    }
}
