package dev.dockfit.lint.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagNameTest {

    private static final Set<String> NODE_VARIANTS = Set.of("alpine", "alpine3.23", "bookworm", "bookworm-slim", "slim");

    @Test
    void versionedTagsSplitAtTheFirstTokenThatIsNotPartOfTheVersion() {
        assertThat(TagName.parse("3.12-slim-bookworm", Set.of())).isEqualTo(new TagName("3.12", "slim-bookworm"));
        assertThat(TagName.parse("8u502-b07-jre-alpine-3.24", Set.of())).isEqualTo(new TagName("8u502-b07", "jre-alpine-3.24"));
        assertThat(TagName.parse("28-ea-11-jdk-slim", Set.of())).isEqualTo(new TagName("28-ea-11", "jdk-slim"));
        assertThat(TagName.parse("3.15.0rc1", Set.of())).isEqualTo(new TagName("3.15.0rc1", ""));
        assertThat(TagName.parse("4.0.0-rc-5-eclipse-temurin-17", Set.of())).isEqualTo(new TagName("4.0.0-rc-5", "eclipse-temurin-17"));
        assertThat(TagName.parse("2026.4-developer", Set.of())).isEqualTo(new TagName("2026.4", "developer"));
    }

    @Test
    void aliasTagsSplitAtTheLongestKnownVariant() {
        assertThat(TagName.parse("lts-bookworm-slim", NODE_VARIANTS)).isEqualTo(new TagName("lts", "bookworm-slim"));
        assertThat(TagName.parse("bookworm", NODE_VARIANTS)).isEqualTo(new TagName("", "bookworm"));
        assertThat(TagName.parse("lts", NODE_VARIANTS)).isEqualTo(new TagName("lts", ""));
        assertThat(TagName.parse("bookworm-slim", Set.of("slim"))).isEqualTo(new TagName("bookworm", "slim"));
        assertThat(TagName.parse("latest", NODE_VARIANTS).versioned()).isFalse();
    }

    @Test
    void componentsSplitDotsDashesUnderscoresAndLetterDigitBoundaries() {
        assertThat(TagName.components("3.15.0rc1")).containsExactly("3", "15", "0", "rc", "1");
        assertThat(TagName.components("11.0.32_9")).containsExactly("11", "0", "32", "9");
        assertThat(TagName.components("8u502-b07")).containsExactly("8", "u", "502", "b", "07");
        assertThat(TagName.join("", "slim")).isEqualTo("slim");
        assertThat(TagName.join("26", "")).isEqualTo("26");
        assertThat(TagName.join("26", "slim")).isEqualTo("26-slim");
    }

    /** The Java grammar and the generator's grammar agree on every tag the data file lists. */
    @Test
    void everyListedTagParsesToAVersionOrAliasTheDataFileRecords() {
        int checked = 0;
        for (OfficialImage image : ImageKnowledge.get().images().values()) {
            for (String tag : image.tags()) {
                TagName t = image.parse(tag);
                List<String> variants = t.versioned() ? image.versions().get(t.designator()) : null;
                if (t.versioned()) {
                    assertThat(variants).as(image + ":" + tag).isNotNull().contains(t.variant());
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5000);
    }
}
