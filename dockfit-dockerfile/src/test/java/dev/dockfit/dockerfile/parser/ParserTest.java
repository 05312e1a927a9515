package dev.dockfit.dockerfile.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.model.Flag;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Range;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParserTest {

    private static Dockerfile parse(String text) throws DockerfileParseException {
        return DockerfileParser.parse(text);
    }

    @Test
    void directivesAreCaseInsensitiveAndOnlyAtTheTop() throws Exception {
        Dockerfile df = parse("# SYNTAX=docker/dockerfile:1\n# Escape=`\n# check=skip=all\nFROM a\nRUN echo `\n  hi\n");
        assertThat(df.directives()).extracting(d -> d.name() + "=" + d.value())
                .containsExactly("syntax=docker/dockerfile:1", "escape=`", "check=skip=all");
        assertThat(df.escapeToken()).isEqualTo('`');
        assertThat(df.instructions().get(1).argValues()).containsExactly("echo   hi");
    }

    @Test
    void aDirectiveAfterACommentOrBlankLineIsJustAComment() throws Exception {
        assertThat(parse("# hello\n# escape=`\nFROM a\n").directives()).isEmpty();
        assertThat(parse("\n# escape=`\nFROM a\n").escapeToken()).isEqualTo('\\');
        assertThat(parse("FROM a\n# escape=`\n").directives()).isEmpty();
    }

    @Test
    void repeatedOrInvalidDirectivesAreErrors() {
        assertThatThrownBy(() -> parse("# escape=`\n# escape=\\\nFROM a\n"))
                .hasMessage("only one escape parser directive can be used");
        assertThatThrownBy(() -> parse("# escape=x\nFROM a\n"))
                .isInstanceOfSatisfying(DockerfileParseException.class, e -> assertThat(e.line()).isEqualTo(1));
    }

    @Test
    void bomAndCrlfAreAccepted() throws Exception {
        byte[] bytes = "\uFEFFFROM a\r\nRUN echo \\\r\n  hi\r\n".getBytes(StandardCharsets.UTF_8);
        Dockerfile df = DockerfileParser.parse("Dockerfile", bytes);
        assertThat(df.instructions()).extracting(Instruction::keyword).containsExactly("FROM", "RUN");
        assertThat(df.instructions().get(1).argValues()).containsExactly("echo   hi");
        Range from = df.range(df.instructions().get(0).span());
        assertThat(from.start().column()).isEqualTo(1); // the BOM takes no column
        assertThat(df.render()).isEqualTo(bytes);
    }

    @Test
    void commentsAndBlankLinesInsideContinuationsAreSkippedWithAWarningForBlanks() throws Exception {
        Dockerfile df = parse("FROM a\nRUN a \\\n# comment\n\n  b\n");
        assertThat(df.instructions().get(1).argValues()).containsExactly("a   b");
        assertThat(df.warnings()).hasSize(1);
    }

    @Test
    void continuationAtEndOfFile() throws Exception {
        assertThat(parse("FROM a\nRUN x \\").instructions().get(1).argValues()).containsExactly("x");
    }

    @Test
    void doubledEscapeAtEndOfLineIsNotAContinuation() throws Exception {
        Dockerfile df = parse("FROM a\nRUN echo \\\\\nUSER x\n");
        assertThat(df.instructions()).hasSize(3);
    }

    @Test
    void flagsOfEveryKind() throws Exception {
        Dockerfile df = parse("""
                FROM --platform=$BUILDPLATFORM golang:1.22 AS build
                RUN --mount=type=cache,target=/root/.cache --network=none --security=insecure go build
                COPY --from=build --chown=app:app --chmod=755 --link --parents --exclude=*.md /src /dst/
                ADD --checksum=sha256:abc --keep-git-dir=true --unpack=false https://x/y.tar /y
                HEALTHCHECK --interval=5s --timeout=3s CMD curl -f http://localhost/
                """);
        Instruction from = df.instructions().get(0);
        assertThat(from.flag("platform").map(Flag::value)).contains("$BUILDPLATFORM");
        assertThat(from.argValues()).containsExactly("golang:1.22", "AS", "build");
        Instruction run = df.instructions().get(1);
        assertThat(run.flags()).extracting(Flag::name).containsExactly("mount", "network", "security");
        assertThat(run.argValues()).containsExactly("go build");
        Instruction copy = df.instructions().get(2);
        assertThat(copy.flags()).extracting(Flag::name)
                .containsExactly("from", "chown", "chmod", "link", "parents", "exclude");
        assertThat(copy.flag("link")).get().extracting(Flag::value).isNull();
        Instruction hc = df.instructions().get(4);
        assertThat(hc.argValues()).containsExactly("CMD", "curl -f http://localhost/");
    }

    @Test
    void unknownInstructionsAndFlagsAreKept() throws Exception {
        Dockerfile df = parse("FROM a\nFOO bar baz\nCOPY --bogus=1 a b\n");
        assertThat(df.instructions().get(1).keyword()).isEqualTo("FOO");
        assertThat(df.instructions().get(1).argsText().text()).isEqualTo("bar baz");
        assertThat(df.instructions().get(2).flag("bogus")).isPresent();
    }

    @Test
    void execFormFallbackRules() throws Exception {
        Dockerfile df = parse("FROM a\nCMD [\"a\", \"b\"]\nCMD ['a']\nENTRYPOINT [\"x\" \"y\"]\n");
        assertThat(df.instructions().get(1).isJson()).isTrue();
        assertThat(df.instructions().get(2).isJson()).isFalse();
        assertThat(df.instructions().get(2).argValues()).containsExactly("['a']");
        assertThat(df.instructions().get(3).isJson()).isFalse();
        assertThatThrownBy(() -> parse("FROM a\nCMD [\"a\", 1]\n"))
                .hasMessageContaining("arrays must be comprised of strings only");
    }

    @Test
    void argumentSpansPointAtTheWordsAcrossLines() throws Exception {
        Dockerfile df = parse("FROM a\nCOPY --chown=u:g \\\n   src/ \\\n   /app/\n");
        Instruction copy = df.instructions().get(1);
        Range src = df.range(copy.args().get(0).span());
        assertThat(src.start().line()).isEqualTo(3);
        assertThat(src.start().column()).isEqualTo(4);
        Range dst = df.range(copy.args().get(1).span());
        assertThat(dst.start().line()).isEqualTo(4);
        assertThat(dst.end().column()).isEqualTo(9); // exclusive: "/app/" is columns 4-8
        Range flag = df.range(copy.flags().get(0).span());
        assertThat(flag.start().column()).isEqualTo(6);
    }

    @Test
    void argsTextMapsBackToTheSource() throws Exception {
        Dockerfile df = parse("FROM a\nRUN apt-get update && \\\n    apt-get install -y curl\n");
        Instruction run = df.instructions().get(1);
        String text = run.argsText().text();
        int at = text.indexOf("curl");
        Range r = df.range(run.argsText().span(at, at + 4));
        assertThat(r.start().line()).isEqualTo(3);
        assertThat(r.start().column()).isEqualTo(24);
        assertThat(r.end().column()).isEqualTo(28);
    }

    @Test
    void columnsCountCodePoints() throws Exception {
        Dockerfile df = parse("FROM a\nLABEL x=\"♥\" y=z\n");
        Instruction label = df.instructions().get(1);
        assertThat(label.argValues()).containsExactly("x", "\"♥\"", "=", "y", "z", "=");
        assertThat(df.range(label.args().get(3).span()).start().column()).isEqualTo(13);
    }

    @Test
    void stagesAreNumbered() throws Exception {
        Dockerfile df = parse("ARG V=1\nFROM a AS one\nRUN x\nFROM one\nRUN y\n");
        assertThat(df.instructions()).extracting(Instruction::stage).containsExactly(-1, 0, 0, 1, 1);
    }

    @Test
    void emptyAndCommentOnlyFilesAreErrors() {
        assertThatThrownBy(() -> parse("")).hasMessage("file with no instructions");
        assertThatThrownBy(() -> parse("# only\n\n# comments\n")).hasMessage("file with no instructions");
    }

    @Test
    void oldEnvFormNeedsAValue() {
        assertThatThrownBy(() -> parse("FROM a\nENV PATH\n"))
                .isInstanceOfSatisfying(DockerfileParseException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("ENV must have two arguments");
                    assertThat(e.format("Dockerfile")).isEqualTo("Dockerfile:2:1: error: ENV must have two arguments");
                });
    }

    @Test
    void overlongLinesAreRejectedLikeBuildKit() {
        String label = "a".repeat(64 * 1024);
        assertThatThrownBy(() -> parse("FROM image\nLABEL test=" + label + "\n"))
                .hasMessage("dockerfile line greater than max allowed size of 65535");
    }

    @Test
    void onbuildNestsAnInstruction() throws Exception {
        Instruction ob = parse("FROM a\nONBUILD COPY --from=x a b\n").instructions().get(1);
        assertThat(ob.child().keyword()).isEqualTo("COPY");
        assertThat(ob.child().flag("from")).isPresent();
        assertThat(BuildKitDump.dump(parse("FROM a\nONBUILD COPY --from=x a b\n")))
                .isEqualTo("(from \"a\")\n(onbuild (copy [\"--from=x\"] \"a\" \"b\"))\n");
    }
}
