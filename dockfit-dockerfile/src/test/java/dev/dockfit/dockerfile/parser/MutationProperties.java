package dev.dockfit.dockerfile.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.model.Instruction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random damage to real Dockerfiles (cut lines, stray quotes, escapes, brackets, binary bytes) either parses
 * into a model that renders back to the damaged bytes and whose spans lie inside the file, or fails with a
 * {@link DockerfileParseException} carrying a position: never any other exception.
 */
class MutationProperties {
    private static List<byte[]> corpus = List.of();

    @BeforeContainer
    static void loadCorpus() {
        try {
            Path root = dev.dockfit.testdata.SharedData.root().resolve("../shared/corpus/dockerfiles").normalize();
            if (!Files.isDirectory(root)) {
                System.err.println("SKIPPED corpus mutations: ../shared/corpus/dockerfiles absent; using built-in samples");
                corpus = List.of("FROM a\nRUN echo \\\n  hi\nCMD [\"x\"]\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            List<byte[]> files = new ArrayList<>();
            try (var s = Files.list(root)) {
                for (Path p : s.sorted().toList()) if (Files.isRegularFile(p)) files.add(Files.readAllBytes(p));
            }
            corpus = files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        Arbitrary<byte[]> base = Arbitraries.integers().between(0, Math.max(0, corpus.size() - 1)).map(corpus::get);
        Arbitrary<List<Mutation>> edits = mutation().list().ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(base, edits).as((bytes, ms) -> {
            byte[] out = bytes;
            for (Mutation m : ms) out = m.apply(out);
            return out;
        });
    }

    private Arbitrary<Mutation> mutation() {
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<byte[]> junk = Arbitraries.of("\"", "'", "\\", "`", "[", "]", "{", "}", "\n", "\r\n", "<<EOF",
                        "<<-'X'\n", "$", "${", "--", "#", " \\\n", "\u00ef\u00bb\u00bf", "\t", "=")
                .map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
        Arbitrary<byte[]> binary = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(6);
        Arbitrary<Mutation> insert = Combinators.combine(where, Arbitraries.oneOf(junk, binary))
                .as((w, b) -> bytes -> splice(bytes, w, 0, b));
        Arbitrary<Mutation> cut = Combinators.combine(where, Arbitraries.integers().between(1, 200))
                .as((w, n) -> bytes -> splice(bytes, w, n, new byte[0]));
        Arbitrary<Mutation> truncate = where.map(w -> bytes -> splice(bytes, w, bytes.length, new byte[0]));
        return Arbitraries.oneOf(insert, cut, truncate);
    }

    interface Mutation {
        byte[] apply(byte[] in);
    }

    private static byte[] splice(byte[] in, double where, int remove, byte[] insert) {
        int at = (int) (where * in.length);
        int end = Math.min(in.length, at + remove);
        byte[] out = new byte[at + insert.length + (in.length - end)];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(in, end, out, at + insert.length, in.length - end);
        return out;
    }

    @Property(tries = 500)
    void damagedFilesParseOrFailWithAPositionedError(@ForAll("mutated") byte[] bytes) {
        try {
            Dockerfile df = DockerfileParser.parse("Dockerfile", bytes);
            assertThat(df.render()).isEqualTo(bytes);
            for (Instruction i : df.instructions()) {
                assertThat(i.span().end()).isLessThanOrEqualTo(bytes.length);
                df.range(i.span());
                i.args().forEach(a -> {
                    if (a.span() != null) assertThat(i.span().contains(a.span()) || i.child() != null).isTrue();
                });
                BuildKitDump.dump(df);
            }
        } catch (DockerfileParseException e) {
            assertThat(e.line()).isPositive();
            assertThat(e.column()).isPositive();
            assertThat(e.getMessage()).doesNotContain("\n");
        }
    }
}
