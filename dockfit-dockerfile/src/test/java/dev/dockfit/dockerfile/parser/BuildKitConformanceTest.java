package dev.dockfit.dockerfile.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.testdata.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** BuildKit's own parser cases (../shared/conformance/buildkit-parser, Apache-2.0, moby/buildkit). */
class BuildKitConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyDumpIsByteEqual() throws IOException {
        Path cases = SharedData.require("conformance/buildkit-parser/testfiles");
        List<Path> dirs;
        try (Stream<Path> s = Files.list(cases)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(dirs).hasSize(33);
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Dockerfile df = DockerfileParser.parse(dir.resolve("Dockerfile"));
            String expected = Files.readString(dir.resolve("result"), StandardCharsets.UTF_8).replace("\r\n", "\n");
            assertThat(BuildKitDump.dump(df)).isEqualTo(expected);
        }));
    }

    @TestFactory
    Stream<DynamicTest> negativeCasesAreRejected() throws IOException {
        Path cases = SharedData.require("conformance/buildkit-parser/testfiles-negative");
        List<Path> dirs;
        try (Stream<Path> s = Files.list(cases)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(dirs).hasSize(4);
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () ->
                assertThatThrownBy(() -> DockerfileParser.parse(dir.resolve("Dockerfile")))
                        .isInstanceOf(DockerfileParseException.class)));
    }

    @Test
    void lineRangesMatchBuildKit() throws Exception {
        Path file = SharedData.require("conformance/buildkit-parser/testfile-line/Dockerfile");
        Dockerfile df = DockerfileParser.parse(file);
        List<Instruction> in = df.instructions();
        assertThat(in).hasSize(3);
        int[][] expected = {{5, 5}, {11, 12}, {17, 31}};
        for (int k = 0; k < 3; k++) {
            var range = df.range(in.get(k).span());
            assertThat(new int[] {range.start().line(), range.end().line()}).as(in.get(k).keyword())
                    .containsExactly(expected[k]);
        }
        assertThat(df.directives()).singleElement().satisfies(d -> assertThat(d.name()).isEqualTo("escape"));
    }

    @TestFactory
    Stream<DynamicTest> renderingReproducesEveryConformanceFile() throws IOException {
        Path root = SharedData.require("conformance/buildkit-parser");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.getFileName().toString().equals("Dockerfile")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> {
            byte[] bytes = Files.readAllBytes(f);
            try {
                assertThat(DockerfileParser.parse(f.toString(), bytes).render()).isEqualTo(bytes);
            } catch (DockerfileParseException negativeCase) {
                assertThat(f.toString()).contains("testfiles-negative");
            }
        }));
    }
}
