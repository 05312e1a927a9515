package dev.dockfit.dockerfile.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.model.Heredoc;
import dev.dockfit.dockerfile.model.Instruction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Heredoc behaviour as BuildKit documents it (Dockerfile reference, "Here-Documents"). */
class HeredocTest {

    private static List<Instruction> parse(String text) throws DockerfileParseException {
        return DockerfileParser.parse(text).instructions();
    }

    private static Heredoc only(Instruction i) {
        assertThat(i.heredocs()).hasSize(1);
        return i.heredocs().get(0);
    }

    @Test
    void runHeredocBodyAndName() throws Exception {
        List<Instruction> in = parse("FROM a\nRUN <<EOF\napt-get update\napt-get install -y vim\nEOF\nUSER app\n");
        Heredoc h = only(in.get(1));
        assertThat(h.name()).isEqualTo("EOF");
        assertThat(h.content()).isEqualTo("apt-get update\napt-get install -y vim\n");
        assertThat(h.expand()).isTrue();
        assertThat(h.chomp()).isFalse();
        assertThat(in).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "USER");
    }

    @Test
    void operatorIsFoundInTheJoinedLineAlsoWhenSplitByAContinuation() throws Exception {
        // "<\" then "<EOF" on the next line join to "<<EOF"; a lone '<' on each line is no operator
        List<Instruction> in = parse("FROM a\nRUN cat <\\\n<EOF\nhi\nEOF\nRUN a < b \\\n  && c < d\nRUN x <\\\n y\n");
        assertThat(only(in.get(1)).content()).isEqualTo("hi\n");
        assertThat(in.get(2).heredocs()).isEmpty();
        assertThat(in.get(3).heredocs()).isEmpty();
        assertThat(in).hasSize(4);
    }

    @Test
    void dashStripsLeadingTabsFromBodyAndDelimiter() throws Exception {
        Heredoc h = only(parse("FROM a\nRUN <<-EOT\n\techo a\n\t\techo b\n\tEOT\n").get(1));
        assertThat(h.chomp()).isTrue();
        assertThat(h.content()).isEqualTo("\techo a\n\t\techo b\n");
        assertThat(h.effectiveContent()).isEqualTo("echo a\necho b\n");
    }

    @Test
    void withoutDashAnIndentedDelimiterDoesNotEnd() throws Exception {
        assertThatThrownBy(() -> parse("FROM a\nRUN <<EOT\n\techo a\n\tEOT\n"))
                .isInstanceOf(DockerfileParseException.class).hasMessage("unterminated heredoc");
    }

    @Test
    void singleQuotedDelimiterDisablesExpansion() throws Exception {
        Heredoc h = only(parse("FROM a\nRUN <<'EOF'\necho $HOME\nEOF\n").get(1));
        assertThat(h.name()).isEqualTo("EOF");
        assertThat(h.expand()).isFalse();
        assertThat(h.content()).isEqualTo("echo $HOME\n");
    }

    @Test
    void doubleQuotedAndPartlyQuotedDelimitersDisableExpansion() throws Exception {
        assertThat(only(parse("FROM a\nRUN <<\"EOF\"\nx\nEOF\n").get(1)).expand()).isFalse();
        Heredoc partly = only(parse("FROM a\nRUN <<eo'f'\nx\neof\n").get(1));
        assertThat(partly.name()).isEqualTo("eof");
        assertThat(partly.expand()).isFalse();
    }

    @Test
    void escapedQuoteIsPartOfTheNameAndKeepsExpansion() throws Exception {
        Heredoc h = only(parse("FROM a\nRUN <<eo\\'f\necho foo\neo'f\n").get(1));
        assertThat(h.name()).isEqualTo("eo'f");
        assertThat(h.expand()).isTrue();
    }

    @Test
    void severalHeredocsOnOneInstructionAreReadInOrder() throws Exception {
        Instruction copy = parse("FROM a\nCOPY <<FILE1 <<FILE2 /dest/\ncontent 1\nFILE1\ncontent 2\nFILE2\n").get(1);
        assertThat(copy.heredocs()).extracting(Heredoc::name).containsExactly("FILE1", "FILE2");
        assertThat(copy.heredocs()).extracting(Heredoc::content).containsExactly("content 1\n", "content 2\n");
        assertThat(copy.argValues()).containsExactly("<<FILE1", "<<FILE2", "/dest/");
    }

    @Test
    void aDelimiterOfTheOtherHeredocIsJustBody() throws Exception {
        Instruction copy = parse("FROM a\nCOPY <<X <<Y /dest\nY\nX\nX\nY\n").get(1);
        assertThat(copy.heredocs()).extracting(Heredoc::content).containsExactly("Y\n", "X\n");
    }

    @Test
    void fileDescriptorPrefix() throws Exception {
        Heredoc h = only(parse("FROM a\nRUN 3<<EOF\nsecret\nEOF\n").get(1));
        assertThat(h.fileDescriptor()).isEqualTo(3);
        assertThat(h.name()).isEqualTo("EOF");
    }

    @Test
    void heredocOnAddAndWithAnInterpreter() throws Exception {
        List<Instruction> in = parse("FROM a\nADD <<EOF /x\nhello\nEOF\nRUN <<PY python3\nprint('hi')\nPY\n");
        assertThat(only(in.get(1)).content()).isEqualTo("hello\n");
        Heredoc py = only(in.get(2));
        assertThat(py.name()).isEqualTo("PY");
        assertThat(in.get(2).argsText().text()).isEqualTo("<<PY python3");
    }

    @Test
    void nextInstructionDirectlyAfterTheDelimiter() throws Exception {
        List<Instruction> in = parse("FROM a\nRUN <<EOF\necho hi\nEOF\nRUN echo after\n");
        assertThat(in).hasSize(3);
        assertThat(in.get(2).argValues()).containsExactly("echo after");
    }

    @Test
    void heredocAtEndOfFileWithoutNewline() throws Exception {
        Dockerfile df = DockerfileParser.parse("FROM a\nRUN <<EOF\necho hi\nEOF");
        Heredoc h = only(df.instructions().get(1));
        assertThat(h.content()).isEqualTo("echo hi\n");
        assertThat(df.range(df.instructions().get(1).span()).end().line()).isEqualTo(4);
    }

    @Test
    void unterminatedHeredocIsAnErrorAtTheInstruction() {
        assertThatThrownBy(() -> parse("FROM a\n\nRUN <<EOF\necho hi\n"))
                .isInstanceOfSatisfying(DockerfileParseException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("unterminated heredoc");
                    assertThat(e.line()).isEqualTo(3);
                });
    }

    @Test
    void execFormAndQuotedTextAreNotHeredocs() throws Exception {
        List<Instruction> in = parse("FROM a\nRUN [\"<<EOF\"]\nRUN echo \"<<NOHEREDOC\"\nCMD <<EOF\n");
        assertThat(in).hasSize(4);
        assertThat(in).allSatisfy(i -> assertThat(i.heredocs()).isEmpty());
    }

    @Test
    void blanksBetweenOperatorAndDelimiter() throws Exception {
        Heredoc h = only(parse("FROM a\nRUN <<  EOF  > /out\nhello\nEOF\n").get(1));
        assertThat(h.name()).isEqualTo("EOF");
    }

    @Test
    void heredocWithMountFlagAndBodySpan() throws Exception {
        Dockerfile df = DockerfileParser.parse("FROM a\nRUN --mount=type=cache,target=/var/cache/apt <<EOF\n"
                + "apt-get update\nEOF\n");
        Instruction run = df.instructions().get(1);
        assertThat(run.flags()).extracting(f -> f.name()).containsExactly("mount");
        Heredoc h = only(run);
        assertThat(df.source().text(h.span())).isEqualTo("apt-get update\nEOF");
    }

    @Test
    void onbuildWrappedRunTakesHeredoc() throws Exception {
        Instruction onbuild = parse("FROM a\nONBUILD RUN <<EOF\necho x\nEOF\n").get(1);
        assertThat(only(onbuild).content()).isEqualTo("echo x\n");
        assertThat(onbuild.child().keyword()).isEqualTo("RUN");
    }

    @Test
    void crlfBodyKeepsCarriageReturnsAndTheDelimiterStillMatches() throws Exception {
        byte[] bytes = "FROM a\r\nRUN <<EOF\r\necho hi\r\nEOF\r\nUSER x\r\n".getBytes(StandardCharsets.UTF_8);
        Dockerfile df = DockerfileParser.parse("Dockerfile", bytes);
        assertThat(only(df.instructions().get(1)).content()).isEqualTo("echo hi\r\n");
        assertThat(df.instructions()).hasSize(3);
        assertThat(df.render()).isEqualTo(bytes);
    }

    @Test
    void emptyBody() throws Exception {
        assertThat(only(parse("FROM a\nRUN <<EMPTY\nEMPTY\n").get(1)).content()).isEmpty();
    }
}
