package dev.dockfit.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void officialImageWithTag() {
        ImageReference r = ImageReference.parse("node:20-slim").orElseThrow();
        assertThat(r.registry()).isNull();
        assertThat(r.repository()).isEqualTo("node");
        assertThat(r.tag()).isEqualTo("20-slim");
        assertThat(r.apiRepository()).isEqualTo("library/node");
        assertThat(r.officialName()).contains("node");
        assertThat(r.canonical()).isEqualTo("docker.io/library/node:20-slim");
    }

    @Test
    void registryWithPortTagAndDigest() {
        String d = "sha256:" + "a".repeat(64);
        ImageReference r = ImageReference.parse("localhost:5000/team/app:1.2@" + d).orElseThrow();
        assertThat(r.registry()).isEqualTo("localhost:5000");
        assertThat(r.repository()).isEqualTo("team/app");
        assertThat(r.tag()).isEqualTo("1.2");
        assertThat(r.digest()).isEqualTo(d);
        assertThat(r.officialName()).isEmpty();
    }

    @Test
    void firstComponentWithoutDotIsARepositoryPath() {
        ImageReference r = ImageReference.parse("gcr/distroless").orElseThrow();
        assertThat(r.registry()).isNull();
        assertThat(r.repository()).isEqualTo("gcr/distroless");
        ImageReference g = ImageReference.parse("gcr.io/distroless/static:nonroot").orElseThrow();
        assertThat(g.registry()).isEqualTo("gcr.io");
        assertThat(g.repository()).isEqualTo("distroless/static");
    }

    @Test
    void noTagMeansLatestUnlessPinnedByDigest() {
        assertThat(ImageReference.parse("debian").orElseThrow().effectiveTag()).isEqualTo("latest");
        assertThat(ImageReference.parse("debian@sha256:" + "0".repeat(64)).orElseThrow().effectiveTag()).isNull();
    }

    @Test
    void rejectsUnresolvedAndInvalidText() {
        assertThat(ImageReference.parse("${BASE}")).isEmpty();
        assertThat(ImageReference.parse("Node:20")).isEmpty();
        assertThat(ImageReference.parse("node:")).isEmpty();
        assertThat(ImageReference.parse("")).isEmpty();
    }

    /** The grammar's regexes, which parse() scans by hand. */
    private static final Pattern REPOSITORY = Pattern.compile(
            "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

    @Property(tries = 3000)
    void acceptsExactlyTheGrammarsRepositoriesAndTags(@ForAll("referenceLike") String text) {
        // under "x/" the text is all repository path: no registry is split off
        boolean valid = REPOSITORY.matcher(text).matches();
        assertThat(ImageReference.parse("x/" + text).isPresent()).as(text).isEqualTo(valid);
        if (text.indexOf('/') < 0) { // with a '/' after it, the colon would end a registry host instead
            assertThat(ImageReference.parse("repo:" + text).isPresent()).as(text)
                    .isEqualTo(TAG.matcher(text).matches());
        }
    }

    @Provide
    Arbitrary<String> referenceLike() {
        return Arbitraries.strings().withChars("ab09Z._-/_").ofMinLength(0).ofMaxLength(12)
                .edgeCases(c -> c.add("a".repeat(128)).add("a".repeat(129)));
    }
}
