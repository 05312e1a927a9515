package dev.dockfit.lint.rules.imagesize;

import static dev.dockfit.lint.RuleHarness.lint;
import static dev.dockfit.lint.RuleHarness.singleAt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageSizeRulesTest {

    @Test
    void buildStagesThatDoNotShipAreNotNagged() {
        String df = """
                FROM debian:bookworm AS build
                RUN apt-get update && apt-get install -y gcc
                RUN pip install -r requirements.txt && apk add curl && dnf install -y make
                FROM gcr.io/distroless/base-debian12
                COPY --from=build /out/app /app
                """;
        for (var rule : Rules.ALL) assertThat(lint(rule, df)).as(rule.info().id()).isEmpty();
    }

    @Test
    void stagesTheFinalStageBuildsOnOrCopiesWholesaleShip() {
        String from = """
                FROM debian:bookworm-slim AS base
                RUN apt-get update && apt-get install -y --no-install-recommends curl
                FROM base
                """;
        singleAt(lint(new AptListsNotRemoved(), from), from, "update");
        String wholesale = """
                FROM debian:bookworm-slim AS rootfs
                RUN apt-get update && apt-get install -y --no-install-recommends curl
                FROM scratch
                COPY --from=rootfs / /
                """;
        singleAt(lint(new AptListsNotRemoved(), wholesale), wholesale, "update");
    }

    @Test
    void aptRules() {
        String df = """
                FROM debian:bookworm-slim
                RUN apt-get update \\
                 && apt-get install -y curl \\
                 && apt-get dist-clean
                """;
        singleAt(lint(new AptInstallRecommends(), df), df, "apt-get install");
        assertThat(lint(new AptListsNotRemoved(), df)).as("dist-clean removes the lists").isEmpty();
        String mounted = """
                FROM debian:bookworm-slim
                RUN --mount=type=cache,target=/var/lib/apt,sharing=locked \\
                    --mount=type=cache,target=/var/cache/apt,sharing=locked \\
                    apt-get update && apt-get install -y -o APT::Install-Recommends=false curl
                """;
        assertThat(lint(new AptListsNotRemoved(), mounted)).isEmpty();
        assertThat(lint(new AptInstallRecommends(), mounted)).isEmpty();
    }

    @Test
    void apkCacheAlternatives() {
        ApkAddWithoutNoCache rule = new ApkAddWithoutNoCache();
        String df = "FROM alpine:3.20\nRUN apk add --virtual .deps curl\n";
        singleAt(lint(rule, df), df, "add");
        assertThat(lint(rule, "FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n")).isEmpty();
        assertThat(lint(rule, "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n"))
                .isEmpty();
        assertThat(lint(rule, "FROM alpine:3.20\nRUN apk add --no-network --virtual .run $deps\n")).isEmpty();
    }

    @Test
    void pipCacheAlternativesAndPosition() {
        PipInstallWithoutNoCacheDir rule = new PipInstallWithoutNoCacheDir();
        String df = """
                FROM python:3.12-slim
                RUN python3 -m pip \\
                      install -r requirements.txt
                """;
        singleAt(lint(rule, df), df, "install");
        assertThat(lint(rule, "FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n")).isEmpty();
        assertThat(lint(rule, "FROM python:3.12-slim\nARG NOCACHE=true\nENV PIP_NO_CACHE_DIR=$NOCACHE\n"
                + "RUN pip install flask\n")).as("ENV resolved from an ARG").isEmpty();
        assertThat(lint(rule, "FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n")).isEmpty();
        assertThat(lint(rule, "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip "
                + "pip install flask\n")).isEmpty();
        assertThat(lint(rule, "FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=0\nRUN pip install flask\n"))
                .hasSize(1);
        assertThat(lint(rule, "FROM python:3.12-slim\nRUN [\"pip\", \"install\", \"flask\"]\n"))
                .as("exec form is not analysed").isEmpty();
    }

    @Test
    void nodeCaches() {
        NodeCacheNotCleaned rule = new NodeCacheNotCleaned();
        String df = "FROM node:20-slim\nRUN npm ci && yarn global add serve\n";
        assertThat(lint(rule, df)).hasSize(2);
        assertThat(lint(rule, "FROM node:20-slim\nRUN npm ci && npm cache clean --force\n")).isEmpty();
        assertThat(lint(rule, "FROM node:20-slim\nRUN --mount=type=cache,target=/root/.npm npm ci\n")).isEmpty();
        assertThat(lint(rule, "FROM node:20-slim\nRUN yarn build && npm run test && yarn --version\n")).isEmpty();
    }

    @Test
    void rpmManagersOncePerRunWithTheirOwnCleanCommand() {
        RpmCacheNotCleaned rule = new RpmCacheNotCleaned();
        String df = "FROM fedora:40\nRUN dnf -y update && dnf -y install make\n";
        assertThat(singleAt(lint(rule, df), df, "update").message()).contains("dnf clean all");
        String z = "FROM opensuse/leap:15.6\nRUN zypper --non-interactive in curl\n";
        assertThat(singleAt(lint(rule, z), z, "in ").message()).contains("zypper clean --all");
        assertThat(lint(rule, "FROM fedora:40\nRUN dnf -y install make && dnf clean all\n")).isEmpty();
        assertThat(lint(rule, "FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf -y install make\n"))
                .isEmpty();
        assertThat(lint(rule, "FROM centos:7\nRUN yum install -y make && rm -rf /var/cache/yum\n")).isEmpty();
    }

    @Test
    void curlAndWgetCountOnlyShippedStages() {
        CurlAndWget rule = new CurlAndWget();
        String df = """
                FROM debian:bookworm-slim AS fetch
                RUN wget -q https://example.com/a
                FROM debian:bookworm-slim
                RUN curl -fsSLO https://example.com/b
                """;
        assertThat(lint(rule, df)).isEmpty();
        String both = df.replace("AS fetch", "AS fetch\nRUN true").replace("FROM debian:bookworm-slim\n", "FROM fetch\n");
        singleAt(lint(rule, both), both, "curl");
    }

    @Test
    void recommendsTurnedOffInAptConfigByAnEarlierRunOrParentStage() {
        String df = """
                FROM debian:bookworm-slim AS base
                RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norecommends
                FROM base
                RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
                """;
        assertThat(lint(new AptInstallRecommends(), df)).isEmpty();
        String after = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
                RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/99norecommends
                """;
        singleAt(lint(new AptInstallRecommends(), after), after, "apt-get install");
    }
}
