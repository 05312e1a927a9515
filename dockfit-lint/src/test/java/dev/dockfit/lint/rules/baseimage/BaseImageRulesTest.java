package dev.dockfit.lint.rules.baseimage;

import static dev.dockfit.lint.RuleHarness.lint;
import static dev.dockfit.lint.RuleHarness.singleAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintConfig;
import dev.dockfit.lint.Linter;
import dev.dockfit.lint.rules.multistage.BuildInFinalStage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaseImageRulesTest {

    // ---- DF200 latest / untagged ---------------------------------------------------------------------------

    @Test
    void latestAndUntaggedAfterArgResolution() {
        String df = """
                ARG TAG=latest
                FROM node:${TAG} AS a
                FROM python AS b
                FROM ghcr.io/org/app:latest AS c
                FROM node:22-slim AS d
                FROM node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS e
                FROM scratch AS f
                FROM a
                FROM node:${UNSET_TAG}
                """;
        List<Finding> f = lint(new LatestOrUntaggedImage(), df);
        assertThat(f).extracting(x -> x.location().line()).containsExactly(2, 3, 4);
        assertThat(f.get(0).message()).contains("node:latest (from node:${TAG})");
        assertThat(f.get(1).message()).contains("has no tag");
    }

    // ---- DF201 smaller variant -----------------------------------------------------------------------------

    @Test
    void smallerVariantNamedWithSavingOnlyForTheFinalStage() {
        String df = """
                FROM python:3.13 AS build
                RUN pip wheel -w /w .
                FROM python:3.13
                COPY --from=build /w /w
                """;
        List<Finding> found = lint(new SmallerVariantAvailable(), df);
        assertThat(found).singleElement().satisfies(x -> assertThat(x.location().line()).isEqualTo(3));
        assertThat(found.get(0).message()).contains("python:3.13-slim").containsPattern("about \\d+ MB smaller");
        assertThat(lint(new SmallerVariantAvailable(), "FROM python:3.13-slim\n")).isEmpty();
        assertThat(lint(new SmallerVariantAvailable(), "FROM eclipse-temurin:21\n")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("eclipse-temurin:21-jre"));
    }

    @Test
    void smallerVariantFollowsTheFinalStagesParentAndArgs() {
        String df = """
                ARG V=22
                FROM node:${V} AS base
                WORKDIR /app
                FROM base
                CMD ["node", "index.js"]
                """;
        assertThat(lint(new SmallerVariantAvailable(), df)).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(2);
            assertThat(f.message()).contains("node:22-slim");
        });
    }

    @Test
    void oneProblemOneFinding() {
        // golang at runtime: the multi-stage rule speaks, not the variant rule (golang:alpine is still an SDK)
        String go = "FROM golang:1.26\nCOPY app /app\n";
        assertThat(lint(new SmallerVariantAvailable(), go)).isEmpty();
        assertThat(lint(new BuildInFinalStage(), go)).hasSize(1);
        // a build in the final stage: DF100 only
        String build = "FROM node:22\nRUN npm run build\n";
        assertThat(lint(new SmallerVariantAvailable(), build)).isEmpty();
        assertThat(lint(new BuildInFinalStage(), build)).hasSize(1);
        // deprecated openjdk: DF202 names the replacement tag, DF201 and DF203 stay silent
        String jdk = "FROM openjdk:17-jdk-slim\n";
        assertThat(lint(new SmallerVariantAvailable(), jdk)).isEmpty();
        assertThat(lint(new UnmaintainedImageVersion(), jdk)).isEmpty();
        assertThat(lint(new DeprecatedImage(), jdk)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("eclipse-temurin:17-jre"));
    }

    // ---- DF202 / DF203 -------------------------------------------------------------------------------------

    @Test
    void deprecatedInAnyStageWithReplacement() {
        String df = "FROM centos:7 AS build\nFROM alpine:3.22\n";
        assertThat(lint(new DeprecatedImage(), df)).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(1);
            assertThat(f.message()).contains("centos is deprecated");
        });
    }

    @Test
    void unmaintainedIsAVulnerabilityNamingTheNewestLine() {
        String df = """
                ARG NODE=17
                FROM node:${NODE}-alpine AS build
                FROM python:3.8-slim
                FROM node:24-alpine
                """;
        List<Finding> f = lint(new UnmaintainedImageVersion(), df);
        assertThat(f).extracting(x -> x.location().line()).containsExactly(2, 3);
        assertThat(f.get(0).practice()).isEqualTo(Practice.VULNERABILITY);
        assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(f.get(0).message()).contains("no security updates").containsPattern("newest: node:\\d+");
        assertThat(f.get(1).message()).containsPattern("newest: python:3\\.\\d+");
        assertThat(lint(new UnmaintainedImageVersion(), "FROM myorg/node:17\n")).isEmpty();
    }

    @Test
    void unmaintainedVariantOfAMaintainedLineNamesVariantsStillBuilt() {
        assertThat(lint(new UnmaintainedImageVersion(), "FROM python:3.13-buster\n")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("buster variant is no longer built")
                        .contains("python:3.13-"));
    }

    // ---- DF204 trusted registries --------------------------------------------------------------------------

    private static List<Finding> trusted(String dockerfile, String... registries) {
        LintConfig config = new LintConfig(Set.of(), Set.of(), Map.of(), Severity.STYLE, List.of(registries),
                Map.of(), true);
        return new Linter(List.of(new UntrustedRegistry()), config)
                .lint("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), null).findings();
    }

    @Test
    void trustedRegistriesPolicy() {
        String df = """
                FROM node:22 AS a
                FROM docker.io/library/node:22 AS b
                FROM quay.io/org/x:1 AS c
                FROM eu.gcr.io/p/x:1 AS d
                FROM registry.local:5000/x:1 AS e
                FROM a
                FROM scratch
                """;
        assertThat(trusted(df)).isEmpty();
        assertThat(trusted(df, "docker.io", "*.gcr.io")).extracting(f -> f.location().line()).containsExactly(3, 5);
        assertThat(trusted(df, "hub.docker.com", "quay.io", "registry.local:5000"))
                .extracting(f -> f.location().line()).containsExactly(4);
        assertThat(trusted(df, "*")).isEmpty();
    }

    // ---- DF205 digest (opt-in) ----------------------------------------------------------------------------

    @Test
    void digestPinningIsOptIn() {
        assertThat(dev.dockfit.lint.RuleInfo.of(ImageNotPinnedByDigest.class).enabledByDefault()).isFalse();
        assertThat(Linter.withAllRules(LintConfig.DEFAULT)
                .lint("Dockerfile", "FROM alpine:3.22\nUSER 1000\n".getBytes(StandardCharsets.UTF_8), null)
                .findings()).noneMatch(f -> f.rule().equals("DF205"));
        assertThat(lint(new ImageNotPinnedByDigest(), "FROM alpine:3.22\nFROM scratch\n")).hasSize(1);
    }

    // ---- DF206 --platform ---------------------------------------------------------------------------------

    @Test
    void constantPlatform() {
        String df = """
                FROM --platform=linux/amd64 alpine:3.22 AS base
                FROM --platform=linux/arm64 alpine:3.22 AS build_arm64
                FROM --platform=$BUILDPLATFORM alpine:3.22 AS cross
                FROM --platform=${TARGETPLATFORM} alpine:3.22 AS t
                FROM --platform= alpine:3.22
                """;
        singleAt(lint(new ConstantPlatformFlag(), df), df, "--platform=linux/amd64");
    }

    // ---- DF207 / DF208 ARGs in FROM ------------------------------------------------------------------------

    @Test
    void invalidDefaultArgInFrom() {
        String df = """
                ARG TAG
                ARG IMAGE
                ARG OK=3.22
                FROM alpine:${TAG} AS a
                FROM ${IMAGE} AS b
                FROM alpine:${OK} AS c
                FROM ${IMAGE:-alpine:3.22} AS d
                ARG STAGE=c
                """;
        assertThat(lint(new InvalidDefaultArgInFrom(), df)).extracting(f -> f.location().line()).containsExactly(4, 5);
    }

    @Test
    void undefinedArgInFromPointsAtTheVariable() {
        String df = """
                FROM alpine:3.22 AS base
                ARG VARIANT=slim
                FROM python:3.13-${VARIANT}
                """;
        Finding f = singleAt(lint(new UndefinedArgInFrom(), df), df, "${VARIANT}");
        assertThat(f.location().endColumn() - f.location().column()).isEqualTo("${VARIANT}".length());
        String declared = """
                ARG VARIANT
                FROM --platform=$BUILDPLATFORM python:3.13-${VARIANT}
                FROM build_${TARGETARCH}
                """;
        assertThat(lint(new UndefinedArgInFrom(), declared)).isEmpty();
        String misspelt = "FROM --platform=$BUILDPLATFROM alpine:3.22\n";
        singleAt(lint(new UndefinedArgInFrom(), misspelt), misspelt, "--platform");
    }
}
