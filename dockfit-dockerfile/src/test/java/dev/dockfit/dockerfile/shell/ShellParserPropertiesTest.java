package dev.dockfit.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ShellParserPropertiesTest {

    private static final String SHELL_CHARS = " \t\n\r\\'\"$(){}[]`;&|<>#=-!*?~ab0é";

    @Provide
    Arbitrary<String> shellish() {
        Arbitrary<String> tokens = Arbitraries.of("if ", "then ", "elif ", "else ", "fi", "for x in a; ", "while ",
                "do ", "done", "case x in ", "a) ", ";;", "esac", "<<EOF", "<<-'E'", "\nEOF\n", "\n", "$(", "${", "`",
                "$((", "((", "))", "[[ ", " ]]", "function f ", "f() ", "{ ", " }", "&&", "||", "|", "|&", "&", ";",
                "2>&1", "x=(", "$'", "<(", "\\\n", "# c", "\"", "'", ")", "apt-get install -y ", "A=1 ");
        Arbitrary<String> chars = Arbitraries.strings().withChars(SHELL_CHARS).ofMaxLength(4);
        return Arbitraries.oneOf(tokens, chars).list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Property(tries = 2000)
    void shellLikeTextNeverBreaksTheParser(@ForAll("shellish") String text) {
        checkInvariants(text);
    }

    @Property(tries = 500)
    void anyTextNeverBreaksTheParser(@ForAll String text) {
        checkInvariants(text);
    }

    private static void checkInvariants(String text) {
        ShellScript script = ShellParser.parse(text);
        int previousStart = -1;
        for (SimpleCommand command : script.commands()) {
            assertThat(command.start()).isBetween(0, command.end());
            assertThat(command.end()).isLessThanOrEqualTo(text.length());
            assertThat(command.start()).isGreaterThanOrEqualTo(previousStart);
            previousStart = command.start();
            List<ShellWord> words = new ArrayList<>(command.assignments());
            words.addAll(command.words());
            command.redirections().forEach(r -> r.target().ifPresent(words::add));
            for (ShellWord word : words) {
                assertThat(word.start()).isBetween(0, word.end());
                assertThat(word.end()).isLessThanOrEqualTo(text.length());
                assertThat(text.substring(word.start(), word.end())).isEqualTo(word.raw());
            }
            for (Redirection r : command.redirections()) {
                r.heredoc().filter(Redirection.Heredoc::hasBody).ifPresent(h -> {
                    assertThat(h.bodyStart()).isBetween(0, h.bodyEnd());
                    assertThat(h.bodyEnd()).isLessThanOrEqualTo(text.length());
                });
            }
        }
        for (ShellScript.Problem problem : script.problems()) {
            assertThat(problem.offset()).isBetween(0, text.length());
        }
    }
}
