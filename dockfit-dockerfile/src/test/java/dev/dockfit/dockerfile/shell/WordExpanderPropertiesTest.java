package dev.dockfit.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class WordExpanderPropertiesTest {

    private static final Env ENV = Env.of(Map.of("A", "a*b/c", "B", "", "C", "x y", "D", "$0\\}"));

    @Provide
    Arbitrary<String> words() {
        Arbitrary<String> tokens = Arbitraries.of("${", "}", "$", "A", "B", "C", "D", "Z", ":-", ":+", ":?", "-", "+",
                "?", "#", "##", "%", "%%", "/", "//", "*", "\\", "'", "\"", "`", " ", "<<", "1", "@", "한", "\uD83D\uDE80");
        return tokens.list().ofMaxSize(25).map(parts -> String.join("", parts));
    }

    @Property(tries = 2000)
    void expansionEitherSucceedsOrFailsWithAnOffsetInTheWord(@ForAll("words") String word) {
        for (char escape : new char[] {'\\', '`'}) {
            WordExpander expander = new WordExpander(escape);
            try {
                Expansion e = expander.expandWord(word, ENV);
                assertThat(e.unset()).allMatch(name -> ENV.get(name) == null);
                expander.expandWords(word, ENV);
            } catch (ExpansionException e) {
                assertThat(e.offset()).isBetween(0, word.length());
                assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            }
        }
    }
}
