package dev.dockfit.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordExpanderTest {

    private static final WordExpander BACKSLASH = new WordExpander('\\');
    private static final WordExpander BACKTICK = new WordExpander('`');

    private static Env env(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) values.put(pairs[i], pairs[i + 1]);
        return Env.of(values);
    }

    private static String expand(String word, Env env) throws ExpansionException {
        return BACKSLASH.expandWord(word, env).value();
    }

    @Test
    void reportsUnsetVariablesInOrderOfReference() throws ExpansionException {
        Expansion e = BACKSLASH.expandWord("${IMAGE}:${TAG:-latest}-$FLAVOUR${SET}", env("SET", "x"));
        assertThat(e.value()).isEqualTo(":latest-x");
        assertThat(e.unset()).containsExactly("IMAGE", "TAG", "FLAVOUR");
    }

    @Test
    void setButEmptyIsNotUnset() throws ExpansionException {
        Expansion e = BACKSLASH.expandWord("${EMPTY}${EMPTY:-d}${GONE-x}", env("EMPTY", ""));
        assertThat(e.value()).isEqualTo("dx");
        assertThat(e.unset()).containsExactly("GONE");
    }

    @Test
    void nestedDefaultsAreEvaluatedAndTrackedEvenWhenNotUsed() throws ExpansionException {
        Expansion e = BACKSLASH.expandWord("${A:-$B}", env("A", "a"));
        assertThat(e.value()).isEqualTo("a");
        assertThat(e.unset()).containsExactly("B");
    }

    @Test
    void positionalAndSpecialParametersAreNotReportedAsUnset() throws ExpansionException {
        Expansion e = BACKSLASH.expandWord("$1${2}$@$#$?$$${0:-z}", Env.EMPTY);
        assertThat(e.value()).isEqualTo("z");
        assertThat(e.unset()).isEmpty();
    }

    @Test
    void singleQuotesAndEscapesHideReferences() throws ExpansionException {
        Expansion e = BACKSLASH.expandWord("'$A'\\$B\"\\$C\"", Env.EMPTY);
        assertThat(e.value()).isEqualTo("$A$B$C");
        assertThat(e.unset()).isEmpty();
    }

    @Test
    void backtickIsTheEscapeTokenAndBackslashIsLiteral() throws ExpansionException {
        Env env = env("DIR", "c:\\app");
        assertThat(BACKTICK.expandWord("C:\\Program` Files\\$DIR", env).value())
                .isEqualTo("C:\\Program Files\\c:\\app");
        assertThat(BACKTICK.expandWord("`$DIR", env).value()).isEqualTo("$DIR");
        assertThat(BACKTICK.expandWord("\"a`\"b`$DIR\\\"", env).value()).isEqualTo("a\"b$DIR\\");
        assertThat(BACKTICK.expandWords("a` b c", env)).containsExactly("a b", "c");
        assertThat(BACKTICK.expandWord("\\$DIR", env).value()).isEqualTo("\\c:\\app");
    }

    @Test
    void rejectsAnyOtherEscapeToken() {
        assertThatThrownBy(() -> new WordExpander('^')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefixAndSuffixRemoval() throws ExpansionException {
        Env env = env("F", "archive.tar.gz", "P", "/usr/local/bin");
        assertThat(expand("${F%.*}", env)).isEqualTo("archive.tar");
        assertThat(expand("${F%%.*}", env)).isEqualTo("archive");
        assertThat(expand("${F#*.}", env)).isEqualTo("tar.gz");
        assertThat(expand("${F##*.}", env)).isEqualTo("gz");
        assertThat(expand("${P##*/}", env)).isEqualTo("bin");
        assertThat(expand("${P%/*}", env)).isEqualTo("/usr/local");
        assertThat(expand("${F#?r}", env)).isEqualTo("chive.tar.gz");
        assertThat(expand("${F%}", env)).isEqualTo("archive.tar.gz");
        assertThat(expand("${F#x}", env)).isEqualTo("archive.tar.gz");
    }

    @Test
    void patternEscapesAndRegexCharactersAreLiteral() throws ExpansionException {
        assertThat(expand("${X%%\\**}", env("X", "xx**"))).isEqualTo("xx");
        assertThat(expand("${X#()[]{\\}^$.\\*\\?|\\\\}", env("X", "()[]{}^$.*?|\\x"))).isEqualTo("x");
        assertThat(expand("${X%%\\**\\*}", env("X", "a***yy*"))).isEqualTo("a");
        assertThatThrownBy(() -> expand("${X#\\x}", env("X", "a")))
                .isInstanceOf(ExpansionException.class).hasMessageContaining("invalid escape");
    }

    @Test
    void patternReplacement() throws ExpansionException {
        Env env = env("V", "/a/foo/b/c.txt", "N", "/?/", "R", "/", "U", "http://x.de");
        assertThat(expand("${V/$N/$R} - ${V//$N/$R}", env)).isEqualTo("/foo/b/c.txt - /foo/c.txt");
        assertThat(expand("${U/http:\\/\\//https://}", env)).isEqualTo("https://x.de");
        assertThat(expand("${V//\\//\\/}", env("V", "/t/f"))).isEqualTo("\\/t\\/f");
        assertThat(expand("${V///}", env("V", "xy"))).isEqualTo("xy");
        assertThat(expand("${V//*/z}", env("V", "abc"))).isEqualTo("z");
        assertThatThrownBy(() -> expand("${V//ww}", env("V", "a"))).isInstanceOf(ExpansionException.class);
    }

    @Test
    void replaceAllFollowsGoTemplateRulesForDollar() throws ExpansionException {
        assertThat(expand("${V//b/<\\$0>}", env("V", "abc"))).isEqualTo("a<\\b>c");
        assertThat(expand("${V//b/$D$D}", env("V", "abc", "D", "$"))).isEqualTo("a$c");
        assertThat(expand("${V/b/$D$D}", env("V", "abc", "D", "$"))).isEqualTo("a$$c");
    }

    @Test
    void lengthOfAValue() throws ExpansionException {
        assertThat(expand("${#V}", env("V", "한국어x"))).isEqualTo("4");
        assertThat(BACKSLASH.expandWord("${#NOPE}", Env.EMPTY).unset()).containsExactly("NOPE");
        assertThat(expand("${#:-d}", Env.EMPTY)).isEqualTo("d");
    }

    @Test
    void mandatoryValues() throws ExpansionException {
        assertThat(expand("${V:?need V}", env("V", "x"))).isEqualTo("x");
        assertThat(expand("${V?need V}", env("V", ""))).isEmpty();
        assertThatThrownBy(() -> expand("${V:?need $W}", env("V", "", "W", "w")))
                .isInstanceOf(ExpansionException.class).hasMessage("V: need w");
        assertThatThrownBy(() -> expand("${V?}", Env.EMPTY))
                .isInstanceOf(ExpansionException.class).hasMessage("V: is not allowed to be unset");
    }

    @Test
    void errorsCarryTheOffsetOfTheConstruct() {
        assertThatThrownBy(() -> expand("ab'cd", Env.EMPTY))
                .isInstanceOfSatisfying(ExpansionException.class, e -> {
                    assertThat(e.offset()).isEqualTo(2);
                    assertThat(e.getMessage()).isEqualTo("unterminated single quote");
                });
        assertThatThrownBy(() -> expand("한국${X:=1}", Env.EMPTY))
                .isInstanceOfSatisfying(ExpansionException.class, e -> {
                    assertThat(e.offset()).isEqualTo(2);
                    assertThat(e.getMessage()).contains(":=").doesNotContain("\n");
                });
        assertThatThrownBy(() -> expand("x${A:-b", Env.EMPTY))
                .isInstanceOfSatisfying(ExpansionException.class, e -> assertThat(e.offset()).isEqualTo(1));
    }

    @Test
    void wordSplittingKeepsQuotedSubstitutionsWhole() throws ExpansionException {
        Env env = env("S", " a  b ");
        assertThat(BACKSLASH.expandWords("x$S\"$S\" y", env)).containsExactly("x", "a", "b", " a  b ", "y");
        assertThat(BACKSLASH.expandWords("'' \"\" z", env)).containsExactly("z");
        assertThat(BACKSLASH.expandWords("80/tcp ${PORT:-443}", env)).containsExactly("80/tcp", "443");
    }

    @Test
    void wordSplittingKeepsTextBeforeANestedSubstitution() throws ExpansionException {
        assertThat(BACKSLASH.expandWords("a ab${X:-y}c", Env.EMPTY)).containsExactly("a", "abyc");
    }
}
