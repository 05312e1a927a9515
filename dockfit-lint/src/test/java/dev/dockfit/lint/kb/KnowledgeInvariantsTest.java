package dev.dockfit.lint.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties that must hold over the whole bundled data file, not just the examples. */
class KnowledgeInvariantsTest {

    private final ImageKnowledge kb = ImageKnowledge.get();

    @Test
    void everyListedTagIsMaintained() {
        for (OfficialImage image : kb.images().values()) {
            for (String tag : image.tags()) {
                assertThat(kb.maintenance(image.name(), tag)).as(image + ":" + tag).isEqualTo(Maintenance.MAINTAINED);
            }
        }
    }

    /** A pin below a listed release line (26.7.0 -> 26.7.0-9999) is frozen and points at a listed tag. */
    @Test
    void anUnlistedPinInsideAListedLineIsFrozenAndPointsAtAListedTag() {
        int checked = 0;
        for (OfficialImage image : kb.images().values()) {
            for (var version : image.versions().entrySet()) {
                if (TagName.isPreRelease(version.getKey())
                        || TagName.components(version.getKey()).size() < image.lineDepth()) {
                    continue;
                }
                for (String variant : version.getValue()) {
                    String pin = TagName.join(version.getKey() + "-9999", variant);
                    TagStatus status = kb.status(image.name(), pin);
                    assertThat(status.maintenance()).as(image + ":" + pin).isEqualTo(Maintenance.FROZEN);
                    assertThat(status.current()).as(image + ":" + pin).isPresent();
                    assertThat(image.isListed(status.current().get())).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void aVersionBeforeEveryListedLineIsUnmaintained() {
        for (String name : List.of("node", "python", "ruby", "golang", "debian", "ubuntu", "postgres", "eclipse-temurin")) {
            assertThat(kb.maintenance(name, "0.1")).as(name + ":0.1").isEqualTo(Maintenance.UNMAINTAINED);
            assertThat(kb.maintenance(name, "0.1-slim")).as(name).isNotEqualTo(Maintenance.MAINTAINED);
        }
    }

    @Test
    void theLanguageAndOsImagesHaveAFamilyForEveryLinuxTag() {
        for (String name : List.of("node", "python", "ruby", "golang", "debian", "ubuntu", "alpine", "eclipse-temurin",
                "openjdk", "php", "nginx", "httpd", "postgres", "redis", "rust")) {
            OfficialImage image = kb.image(name).orElseThrow();
            for (OfficialImage.Build build : image.builds()) {
                if (build.windows()) continue;
                for (String tag : build.tags()) {
                    assertThat(kb.family(name, tag)).as(name + ":" + tag).isPresent();
                }
            }
        }
    }
}
