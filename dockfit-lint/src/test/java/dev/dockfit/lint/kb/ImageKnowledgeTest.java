package dev.dockfit.lint.kb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.reference.ImageReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Facts of the bundled data file (generated from the official-images snapshot of 2026-08-21). */
class ImageKnowledgeTest {

    private final ImageKnowledge kb = ImageKnowledge.get();

    @Test
    void loadsOnceAndKnowsTheLibraryAndTheRemovedDeprecatedImages() {
        assertThat(ImageKnowledge.get()).isSameAs(kb);
        assertThat(kb.images().values().stream().filter(OfficialImage::inLibrary).count()).isEqualTo(144);
        assertThat(kb.image("node")).isPresent();
        assertThat(kb.image("docker.io/library/node")).isPresent();
        assertThat(kb.image("library/python")).isPresent();
        assertThat(kb.image("ghcr.io/node")).isEmpty();
        assertThat(kb.image("myorg/node")).isEmpty();
        assertThat(kb.image("centos").orElseThrow().inLibrary()).isFalse();
    }

    @Test
    void listedTagsAreMaintained() {
        for (String tag : List.of("26", "24", "lts", "current", "latest", "26-alpine", "lts-slim", "krypton", "bookworm")) {
            assertThat(kb.maintenance("node", tag)).as("node:" + tag).isEqualTo(Maintenance.MAINTAINED);
            assertThat(kb.isMaintained("node", tag)).isTrue();
        }
        assertThat(kb.maintenance("python", "3.12-slim-bookworm")).isEqualTo(Maintenance.MAINTAINED);
        assertThat(kb.maintenance("eclipse-temurin", "21-jre")).isEqualTo(Maintenance.MAINTAINED);
        assertThat(kb.maintenance("debian", "bookworm-slim")).isEqualTo(Maintenance.MAINTAINED);
        assertThat(kb.maintenance("node", null)).isEqualTo(Maintenance.MAINTAINED);
    }

    @Test
    void versionsWithoutAnyTagAreUnmaintained() {
        assertThat(kb.maintenance("node", "17")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.isMaintained("node", "17")).isFalse();
        assertThat(kb.maintenance("node", "17.9.1-alpine")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("node", "gallium")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("node", "lts-buster")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("python", "3.8")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("python", "3.9.18-slim")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("python", "3.12-buster")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("python", "2")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("debian", "buster")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("debian", "stretch-slim")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("debian", "10")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("ubuntu", "24.10")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("ubuntu", "focal")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("alpine", "3.18")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("golang", "1.22")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("openjdk", "17")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("openjdk", "latest")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("centos", "7")).isEqualTo(Maintenance.UNMAINTAINED);
        // release lines of two components, set in the curated file where the lists alone cannot tell
        assertThat(kb.maintenance("mysql", "8.0")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("tomcat", "10.0")).isEqualTo(Maintenance.UNMAINTAINED);
        assertThat(kb.maintenance("mysql", "8.4")).isEqualTo(Maintenance.MAINTAINED);
    }

    @Test
    void unlistedPinsOfAMaintainedLineAreFrozenWithTheCurrentTag() {
        TagStatus node = kb.status("node", "26.6.1");
        assertThat(node.maintenance()).isEqualTo(Maintenance.FROZEN);
        assertThat(node.current()).contains("26.7.0");
        assertThat(kb.isMaintained("node", "26.6.1")).isTrue();
        assertThat(kb.status("python", "3.12.3-slim").current()).contains("3.12.14-slim");
        assertThat(kb.status("debian", "bookworm-20240101-slim").current()).contains("bookworm-20260803-slim");
        assertThat(kb.status("debian", "12.4").current()).contains("12.15");
        assertThat(kb.status("eclipse-temurin", "8u392-b08-jre").current()).contains("8u502-b07-jre");
        assertThat(kb.status("alpine", "3.24.0").maintenance()).isEqualTo(Maintenance.FROZEN);
        assertThat(kb.status("php", "8.4.20").current()).contains("8.4.24"); // a release, not 8.4-rc
        assertThat(kb.status("varnish", "8.0.1-1").current()).contains("8.0.2-1");
        assertThat(kb.status("ubuntu", "noble-20240101").current()).contains("noble-20260810");
    }

    @Test
    void imagesTheKnowledgeBaseDoesNotKnowAreUnknownAndNotReportedUnmaintained() {
        assertThat(kb.maintenance("myorg/app", "1.0")).isEqualTo(Maintenance.UNKNOWN);
        assertThat(kb.maintenance("ghcr.io/acme/node", "17")).isEqualTo(Maintenance.UNKNOWN);
        assertThat(kb.isMaintained("myorg/app", "1.0")).isTrue();
        ImageReference digestOnly = ImageReference.parse("node@sha256:" + "a".repeat(64)).orElseThrow();
        assertThat(kb.status(digestOnly).maintenance()).isEqualTo(Maintenance.UNKNOWN);
        assertThat(kb.status(ImageReference.parse("docker.io/library/node:17").orElseThrow()).maintenance())
                .isEqualTo(Maintenance.UNMAINTAINED);
    }

    @Test
    void fullPythonGetsItsSlimVariantOfTheSameVersionWithTheTypicalSaving() {
        Suggestion s = kb.smallerVariant("python", "3.12").orElseThrow();
        assertThat(s.reference()).isEqualTo("python:3.12-slim");
        assertThat(s.savingMB()).hasValue(325);
        assertThat(s.packageManagerChanges()).isFalse();
        assertThat(s.fromFamily()).contains(new Family("debian", "apt"));
        assertThat(kb.smallerVariants("python", "3.12")).extracting(Suggestion::reference)
                .containsExactly("python:3.12-slim", "python:3.12-alpine");
        Suggestion alpine = kb.smallerVariants("python", "3.12").get(1);
        assertThat(alpine.packageManagerChanges()).isTrue();
        assertThat(alpine.toFamily()).contains(new Family("alpine", "apk"));
        assertThat(kb.smallerVariant("python", "3.12-bookworm").orElseThrow().reference())
                .isEqualTo("python:3.12-slim-bookworm");
        assertThat(kb.smallerVariant("python", "latest").orElseThrow().reference()).isEqualTo("python:slim");
        assertThat(kb.smallerVariant("python", "3.12.3").orElseThrow().reference()).isEqualTo("python:3.12.14-slim");
    }

    @Test
    void nodeKeepsItsAliasAndCodename() {
        assertThat(kb.smallerVariant("node", "lts").orElseThrow().reference()).isEqualTo("node:lts-slim");
        assertThat(kb.smallerVariant("node", "24-bookworm").orElseThrow().reference()).isEqualTo("node:24-bookworm-slim");
        assertThat(kb.smallerVariant("node", null).orElseThrow().reference()).isEqualTo("node:slim");
    }

    @Test
    void debianGetsItsSlimRelease() {
        Suggestion s = kb.smallerVariant("debian", "bookworm").orElseThrow();
        assertThat(s.reference()).isEqualTo("debian:bookworm-slim");
        assertThat(s.savingMB()).hasValue(20);
        assertThat(s.packageManagerChanges()).isFalse();
        assertThat(kb.smallerVariant("debian", "12").orElseThrow().reference()).isEqualTo("debian:12-slim");
        assertThat(kb.smallerVariant("debian", "latest").orElseThrow().tag()).endsWith("-slim");
    }

    @Test
    void smallVariantsHaveNoSmallerVariant() {
        assertThat(kb.smallerVariants("node", "26-alpine")).isEmpty();
        assertThat(kb.smallerVariants("python", "3.12-alpine3.24")).isEmpty();
        assertThat(kb.smallerVariants("alpine", "3.24")).isEmpty();
        assertThat(kb.smallerVariants("debian", "bookworm-slim")).isEmpty();
        assertThat(kb.smallerVariants("eclipse-temurin", "21-jre")).isEmpty();
        assertThat(kb.smallerVariants("ubuntu", "24.04")).isEmpty();
        assertThat(kb.smallerVariants("myorg/app", "1.0")).isEmpty();
    }

    @Test
    void golangAtRuntimeGetsAlpineWithAPackageManagerChange() {
        Suggestion s = kb.smallerVariant("golang", "1.26").orElseThrow();
        assertThat(s.reference()).isEqualTo("golang:1.26-alpine");
        assertThat(s.packageManagerChanges()).isTrue();
        assertThat(s.savingMB()).hasValue(225);
    }

    @Test
    void openjdkIsDeprecatedInFavourOfTemurinAndItsJre() {
        assertThat(kb.isDeprecated("openjdk")).isTrue();
        assertThat(kb.replacement("openjdk")).contains("eclipse-temurin");
        assertThat(kb.deprecation("openjdk").orElseThrow().alternatives()).contains("amazoncorretto", "sapmachine");
        assertThat(kb.smallerVariant("openjdk", "17").orElseThrow().reference()).isEqualTo("eclipse-temurin:17-jre");
        assertThat(kb.smallerVariant("openjdk", "11.0.16-jdk-slim").orElseThrow().reference())
                .isEqualTo("eclipse-temurin:11-jre");
        assertThat(kb.smallerVariant("openjdk", "8-jre-alpine").orElseThrow().reference())
                .isEqualTo("eclipse-temurin:8-jre-alpine");
        assertThat(kb.smallerVariant("java", "8").orElseThrow().reference()).isEqualTo("eclipse-temurin:8-jre");
        assertThat(kb.replacement("centos")).contains("almalinux");
        assertThat(kb.isDeprecated("node")).isFalse();
        assertThat(kb.isDeprecated("eclipse-temurin")).isFalse();
        assertThat(kb.replacement("python")).isEmpty();
    }

    @Test
    void temurinJdkGetsTheJreOfTheSameVersionAndDistribution() {
        assertThat(kb.smallerVariant("eclipse-temurin", "21").orElseThrow().reference()).isEqualTo("eclipse-temurin:21-jre");
        assertThat(kb.smallerVariant("eclipse-temurin", "21-jdk-noble").orElseThrow().reference())
                .isEqualTo("eclipse-temurin:21-jre-noble");
        assertThat(kb.smallerVariant("eclipse-temurin", "21-jdk-alpine").orElseThrow().reference())
                .isEqualTo("eclipse-temurin:21-jre-alpine");
    }

    @Test
    void sdkImagesAreRecognisedPerVariant() {
        assertThat(kb.isSdkImage("golang", "1.26")).isTrue();
        assertThat(kb.isSdkImage("golang", "1.26-alpine")).isTrue();
        assertThat(kb.isSdkImage("maven", "3.9-eclipse-temurin-21")).isTrue();
        assertThat(kb.isSdkImage("gradle", "8-jdk21")).isTrue();
        assertThat(kb.isSdkImage("rust", "1")).isTrue();
        assertThat(kb.isSdkImage("gcc", "14")).isTrue();
        assertThat(kb.isSdkImage("openjdk", "17")).isTrue();
        assertThat(kb.isSdkImage("eclipse-temurin", "21")).isTrue();
        assertThat(kb.isSdkImage("eclipse-temurin", "21-jdk")).isTrue();
        assertThat(kb.isSdkImage("eclipse-temurin", "21-jre")).isFalse();
        assertThat(kb.isSdkImage("node", "26")).isTrue();
        assertThat(kb.isSdkImage("node", "26-slim")).isFalse();
        assertThat(kb.isSdkImage("node", "26-alpine")).isFalse();
        assertThat(kb.isSdkImage("python", "3.12-slim")).isFalse();
        assertThat(kb.isSdkImage("debian", "bookworm")).isFalse();
        assertThat(kb.isSdkImage("nginx", "latest")).isFalse();
        assertThat(kb.isSdkImage("mcr.microsoft.com/dotnet/sdk", "8.0")).isTrue();
        assertThat(kb.isSdkImage("mcr.microsoft.com/dotnet/aspnet", "8.0")).isFalse();
        assertThat(kb.sdk("golang", "1.26").orElseThrow().runtime()).contains("distroless");
    }

    @Test
    void familiesComeFromTheTagItsBuildOrTheImage() {
        Family apt = new Family("debian", "apt");
        assertThat(kb.family("node", "26")).contains(apt);
        assertThat(kb.family("node", "26-slim")).contains(apt);
        assertThat(kb.family("node", "26-alpine")).contains(new Family("alpine", "apk"));
        assertThat(kb.family("python", "slim")).contains(apt);
        assertThat(kb.family("debian", "bookworm-slim")).contains(apt);
        assertThat(kb.family("debian", "experimental")).contains(apt);
        assertThat(kb.family("ubuntu", "24.04")).contains(new Family("ubuntu", "apt"));
        assertThat(kb.family("eclipse-temurin", "21-jre")).contains(new Family("ubuntu", "apt"));
        assertThat(kb.family("eclipse-temurin", "21-jre-alpine")).contains(new Family("alpine", "apk"));
        assertThat(kb.family("eclipse-temurin", "21-jdk-ubi9-minimal")).contains(new Family("ubi", "microdnf"));
        assertThat(kb.family("openjdk", "27-rc-oracle")).contains(new Family("oraclelinux", "microdnf"));
        assertThat(kb.family("oraclelinux", "9-slim")).contains(new Family("oraclelinux", "microdnf"));
        assertThat(kb.family("oraclelinux", "9")).contains(new Family("oraclelinux", "dnf"));
        assertThat(kb.family("alpine", "3.24")).contains(new Family("alpine", "apk"));
        assertThat(kb.family("amazoncorretto", "21-al2023-jdk")).contains(new Family("amazonlinux", "dnf"));
        assertThat(kb.family("gcr.io/distroless/static-debian12", "nonroot")).contains(new Family("distroless", "none"));
        assertThat(kb.family("node", "26.6.1")).contains(apt);
        assertThat(kb.family("myorg/app", "1")).isEmpty();
        assertThat(kb.family("busybox", "1.37").orElseThrow().hasPackageManager()).isFalse();
    }

    @Test
    void parsedReferencesAnswerTheSameQuestions() {
        ImageReference python = ImageReference.parse("docker.io/library/python:3.12").orElseThrow();
        assertThat(kb.smallerVariants(python)).extracting(Suggestion::reference).startsWith("python:3.12-slim");
        assertThat(kb.family(python)).contains(new Family("debian", "apt"));
        assertThat(kb.sdk(ImageReference.parse("golang:1.26").orElseThrow())).isPresent();
        assertThat(kb.deprecation(ImageReference.parse("openjdk:17").orElseThrow())).isPresent();
        assertThat(kb.family(ImageReference.parse("gcr.io/distroless/static-debian12:nonroot").orElseThrow()))
                .contains(new Family("distroless", "none"));
        ImageReference pinned = ImageReference.parse("python@sha256:" + "b".repeat(64)).orElseThrow();
        assertThat(kb.smallerVariants(pinned)).isEmpty();
        assertThat(kb.family(pinned)).isEmpty();
    }

    @Test
    void suggestionsNameListedLinuxTagsAndPositiveSavings() {
        for (OfficialImage image : kb.images().values()) {
            for (String tag : image.tags()) {
                for (Suggestion s : kb.smallerVariants(image.name(), tag)) {
                    OfficialImage target = kb.image(s.image()).orElseThrow();
                    assertThat(target.isLinuxTag(s.tag())).as(image + ":" + tag + " -> " + s.reference()).isTrue();
                    assertThat(s.reference()).isNotEqualTo(image.name() + ":" + tag);
                    s.savingMB().ifPresent(saving -> assertThat(saving).as(s.reference()).isPositive());
                }
            }
        }
    }

    @Test
    void variantTagsAreTheSortedListedTagsOfADesignatorWithAVariant() {
        OfficialImage node = kb.image("node").orElseThrow();
        List<String> tags = node.variantTags("26");
        assertThat(tags).isNotEmpty().isSorted().contains("26-alpine").doesNotContain("26");
        for (String tag : node.tags()) {
            TagName t = node.parse(tag);
            boolean expected = t.designator().equals("26") && !t.variant().isEmpty();
            assertThat(tags.contains(tag)).as(tag).isEqualTo(expected);
        }
        assertThat(node.variantTags("no-such-designator")).isEmpty();
    }
}
