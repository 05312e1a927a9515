package dev.dockfit.dockerfile.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.MappedText;
import dev.dockfit.dockerfile.model.Span;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Offsets and texts where the parser takes its fast paths (a one-line instruction read in place, an ASCII file
 * that needs no decoding, words cut from the line) must equal those of the general paths.
 */
class ParserMappingTest {
    private static final String CONTINUED = "FROM a\nRUN apt-get update && \\\n# note\n\n    apt-get install -y curl\n";

    private static Dockerfile parse(String text) throws DockerfileParseException {
        return DockerfileParser.parse(text);
    }

    /** Every char of argsText comes from the source byte holding the same char. */
    private static void assertMapsCharByChar(Dockerfile df, Instruction in) {
        String source = df.source().byteView();
        MappedText args = in.argsText();
        for (int i = 0; i < args.length(); i++) {
            assertThat(source.charAt(args.sourceOffset(i))).as("char %d of %s", i, args.text())
                    .isEqualTo(args.text().charAt(i));
        }
    }

    @Test
    void continuedLinesMapEveryCharInAsciiAndNonAsciiFiles() throws Exception {
        Dockerfile ascii = parse(CONTINUED);
        Dockerfile utf8 = parse(CONTINUED + "LABEL x=\"♥\"\n");
        assertThat(ascii.source().isAscii()).isTrue();
        assertThat(utf8.source().isAscii()).isFalse();
        for (Dockerfile df : new Dockerfile[] {ascii, utf8}) {
            Instruction run = df.instructions().get(1);
            assertThat(run.argsText().text()).isEqualTo("apt-get update &&     apt-get install -y curl");
            assertMapsCharByChar(df, run);
            assertThat(run.argsText().sourceOffset(run.argsText().length()))
                    .isEqualTo(CONTINUED.indexOf("curl") + 4);
            int amp = run.argsText().text().indexOf("&&");
            // a span across the joint ends where the next piece's char ends
            Span across = run.argsText().span(amp, amp + 9);
            assertThat(df.source().text(across)).startsWith("&& \\\n# note\n\n    ap");
        }
    }

    @Test
    void oneLineInstructionsMapInPlace() throws Exception {
        Dockerfile df = parse("FROM a\nUSER  app  \nWORKDIR /srv\n");
        Instruction user = df.instructions().get(1);
        assertThat(user.argsText().text()).isEqualTo("app");
        assertThat(user.argsText().span(0, 3)).isEqualTo(new Span(13, 16));
        assertMapsCharByChar(df, df.instructions().get(2));
        assertThat(user.keywordSpan()).isEqualTo(new Span(7, 11));
    }

    @Test
    void anInvalidByteInAWordBecomesTheReplacementChar() throws Exception {
        byte[] bytes = "FROM a\nLABEL a=b\u0001c d=e\n".getBytes(StandardCharsets.ISO_8859_1);
        bytes[16] = (byte) 0xFF;
        Instruction label = DockerfileParser.parse("Dockerfile", bytes).instructions().get(1);
        assertThat(label.argValues()).containsExactly("a", "b\uFFFDc", "=", "d", "e", "=");
        assertThat(label.args().get(1).bytes()).isEqualTo("b\u00EF\u00BF\u00BDc");
        assertThat(label.args().get(3).span()).isEqualTo(new Span(19, 20));
    }

    @Test
    void keywordsAreMatchedAsBuildKitLowerCasesThem() throws Exception {
        Dockerfile df = parse("FROM a\nrun echo hi\nWorkDir /a b\nWOR\u212ADIR /c d\nFOO bar\n");
        assertThat(df.instructions()).extracting(Instruction::keyword)
                .containsExactly("FROM", "RUN", "WORKDIR", "WOR\u212ADIR", "FOO");
        assertThat(df.instructions().get(1).is(new String("RUN".toCharArray()))).isTrue();
        assertThat(df.instructions().get(1).is("ENV")).isFalse();
        // the Kelvin sign lower-cases to k: WORKDIR's parser takes the rest as one argument
        assertThat(df.instructions().get(3).argValues()).containsExactly("/c d");
        assertThat(df.instructions().get(4).argValues()).containsExactly("");
    }

    @Test
    void flagsAreFoundByName() throws Exception {
        Instruction copy = parse("FROM a\nCOPY --from=b --link --chown=1:2 x y\n").instructions().get(1);
        assertThat(copy.flag("from")).hasValueSatisfying(f -> assertThat(f.value()).isEqualTo("b"));
        assertThat(copy.flag("fro")).isEmpty();
        assertThat(copy.flags("link")).hasSize(1);
        assertThat(copy.flags("chmod")).isEmpty();
        assertThat(copy.flags().get(1).hasName("link")).isTrue();
        assertThat(copy.flags().get(1).hasName("lin")).isFalse();
    }

    @Test
    void heredocOperatorIsFoundAcrossTheFile() throws Exception {
        Dockerfile df = parse("FROM a\nRUN echo a > b\nRUN <<EOF\necho hi\nEOF\nRUN cat <\\\n<EOT\nx\nEOT\nRUN x < y\n");
        assertThat(df.instructions()).extracting(i -> i.heredocs().size()).containsExactly(0, 0, 1, 1, 0);
    }

    @Test
    void commentsBeforeAnInstruction() throws Exception {
        Dockerfile df = parse("# one\nFROM a\n# two\n\n# three\nRUN x\nRUN y\n");
        assertThat(df.commentsBefore(df.instructions().get(1))).extracting(c -> c.text())
                .containsExactly("two", "three");
        assertThat(df.commentsBefore(df.instructions().get(2))).isEmpty();
    }
}
