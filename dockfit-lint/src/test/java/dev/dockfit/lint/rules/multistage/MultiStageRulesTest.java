package dev.dockfit.lint.rules.multistage;

import static dev.dockfit.lint.RuleHarness.lint;
import static dev.dockfit.lint.RuleHarness.singleAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiStageRulesTest {

    // ---- DF100 build in the final stage / SDK shipped -------------------------------------------------------

    @Test
    void eachBuildToolIsRecognisedInTheFinalStage() {
        for (String cmd : List.of("go build ./...", "mvn -B clean package", "./mvnw verify", "gradle build",
                "./gradlew :app:bootJar", "cargo build --release", "npm run build", "yarn build", "pnpm run build:prod",
                "make -j4", "gcc -o x x.c", "g++ x.cc", "dotnet publish -c Release", "pip wheel -w /w .",
                "python setup.py bdist_wheel")) {
            String df = "FROM debian:bookworm-slim\nRUN " + cmd + "\n";
            assertThat(lint(new BuildInFinalStage(), df)).as(cmd).singleElement()
                    .satisfies(f -> assertThat(f.location().column()).isEqualTo(5));
        }
        for (String cmd : List.of("go version", "npm ci", "npm run start", "yarn install", "mvn dependency:go-offline",
                "javac -version", "gcc --version", "pip install -r requirements.txt", "dotnet restore")) {
            assertThat(lint(new BuildInFinalStage(), "FROM debian:bookworm-slim\nRUN " + cmd + "\n")).as(cmd).isEmpty();
        }
    }

    @Test
    void buildInBuildStageIsFineButInAParentOfTheFinalStageIsNot() {
        String ok = """
                FROM golang:1.26 AS build
                RUN go build -o /app .
                FROM gcr.io/distroless/static-debian12:nonroot
                COPY --from=build /app /app
                """;
        assertThat(lint(new BuildInFinalStage(), ok)).isEmpty();
        String parent = """
                FROM debian:bookworm-slim AS base
                RUN make
                FROM base
                CMD ["/usr/local/bin/app"]
                """;
        singleAt(lint(new BuildInFinalStage(), parent), parent, "make");
    }

    @Test
    void buildInHeredocAndAfterAssignmentsIsFound() {
        String df = """
                FROM debian:bookworm-slim
                RUN sh <<EOF
                set -e
                CGO_ENABLED=0 go build -o /app .
                EOF
                """;
        singleAt(lint(new BuildInFinalStage(), df), df, "go build");
    }

    @Test
    void installBuildPurgeInOneRunIsNotABuildLeftInTheImage() {
        String df = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y --no-install-recommends gcc make \\
                    && make && make install \\
                    && apt-get purge -y --auto-remove gcc make
                """;
        assertThat(lint(new BuildInFinalStage(), df)).isEmpty();
        String apk = """
                FROM alpine:3.22
                RUN apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps
                """;
        assertThat(lint(new BuildInFinalStage(), apk)).isEmpty();
    }

    @Test
    void sdkBaseWithoutRuntimeVariantIsReportedOnTheImage() {
        String df = "FROM maven:3-eclipse-temurin-21\nCOPY target/app.jar /app.jar\n";
        Finding f = singleAt(lint(new BuildInFinalStage(), df), df, "maven:");
        assertThat(f.message()).contains("maven:3-eclipse-temurin-21");
        // node full has a runtime variant (slim): that is DF201's finding, not this rule's
        assertThat(lint(new BuildInFinalStage(), "FROM node:22\nCMD [\"node\"]\n")).isEmpty();
        // also on a line the lists no longer hold (node:17 has no listed slim, but node has runtime variants)
        assertThat(lint(new BuildInFinalStage(), "FROM node:17\nCMD [\"node\"]\n")).isEmpty();
        assertThat(lint(new BuildInFinalStage(), "FROM golang:1.12\nCMD [\"/app\"]\n")).hasSize(1);
        // resolved through a global ARG
        String arg = "ARG GO=1.26\nFROM golang:${GO}\nCMD [\"/app\"]\n";
        assertThat(lint(new BuildInFinalStage(), arg)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("golang:1.26 ships the Go toolchain"));
    }

    // ---- DF101 build packages in the final stage -----------------------------------------------------------

    @Test
    void devPackagesReportedOncePerInstallOnTheFirstPackage() {
        String df = """
                FROM python:3.13-slim
                RUN apt-get update && apt-get install -y --no-install-recommends curl \\
                    build-essential libpq-dev=15.* && rm -rf /var/lib/apt/lists/*
                """;
        Finding f = singleAt(lint(new BuildPackagesInFinalStage(), df), df, "build-essential");
        assertThat(f.message()).contains("build-essential, libpq-dev");
        assertThat(lint(new BuildPackagesInFinalStage(), "FROM fedora:42\nRUN dnf install -y openssl-devel\n"))
                .hasSize(1);
        assertThat(lint(new BuildPackagesInFinalStage(), "FROM alpine:3.22\nRUN apk add --no-cache gcc-14\n"))
                .hasSize(1);
    }

    @Test
    void devPackagesFromEnvAreResolved() {
        String df = """
                FROM debian:bookworm-slim
                ENV BUILD_DEPS="gcc libssl-dev"
                RUN apt-get install -y curl $BUILD_DEPS $UNSET
                """;
        Finding f = singleAt(lint(new BuildPackagesInFinalStage(), df), df, "$BUILD_DEPS");
        assertThat(f.message()).contains("gcc, libssl-dev");
    }

    @Test
    void devPackagesRemovedInTheSameRunOrInBuildStagesAreFine() {
        for (String df : List.of(
                "FROM alpine:3.22\nRUN apk add --no-cache -t .deps gcc musl-dev && pip install x && apk del .deps\n",
                "FROM debian:bookworm-slim\nRUN apt-get install -y gcc && pip install x && apt-get purge -y gcc\n",
                "FROM debian:bookworm-slim\nRUN apt-get install -y $BUILD_DEPS libc6-dev && x && apt-get purge -y $BUILD_DEPS\n",
                "FROM debian:bookworm-slim\nRUN savedAptMark=\"$(apt-mark showmanual)\"; apt-get install -y gcc; "
                        + "apt-mark auto '.*' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove\n",
                "FROM debian:bookworm-slim AS build\nRUN apt-get install -y gcc\nFROM debian:bookworm-slim\n",
                "FROM debian:bookworm-slim\nRUN apt-get install -y libpq5 curl\n")) {
            assertThat(lint(new BuildPackagesInFinalStage(), df)).as(df).isEmpty();
        }
    }

    @Test
    void devPackagesAreLeftToDf100WhenTheFinalStageBuilds() {
        String df = """
                FROM debian:bookworm-slim
                RUN apt-get install -y gcc make
                RUN make
                """;
        assertThat(lint(new BuildPackagesInFinalStage(), df)).isEmpty();
        assertThat(lint(new BuildInFinalStage(), df)).hasSize(1);
    }

    // ---- DF102 / DF103 COPY --from -------------------------------------------------------------------------

    @Test
    void copyFromSelfByNameIndexOrArg() {
        String byIndex = """
                FROM alpine:3.22
                COPY --from=0 /a /b
                """;
        singleAt(lint(new CopyFromOwnStage(), byIndex), byIndex, "--from=0");
        String byArg = """
                FROM alpine:3.22 AS Build
                ARG SRC=build
                COPY --from=$SRC /a /b
                """;
        assertThat(lint(new CopyFromOwnStage(), byArg)).hasSize(1);
        assertThat(lint(new CopyFromUnknownStage(), byArg)).isEmpty();
    }

    @Test
    void copyFromUnknownLaterOrOutOfRangeStage() {
        String df = """
                FROM alpine:3.22 AS one
                COPY --from=two /a /a
                COPY --from=buildr /b /b
                COPY --from=5 /c /c
                COPY --from=nginx:1.27 /etc/nginx /etc/nginx
                COPY --from=ghcr.io/org/tool /tool /tool
                COPY --from=$UNSET /d /d
                FROM alpine:3.22 AS two
                COPY --from=ONE /a /a
                COPY --from=0 /a /a
                """;
        List<Finding> f = lint(new CopyFromUnknownStage(), df);
        assertThat(f).extracting(x -> x.location().line()).containsExactly(2, 3, 4);
        assertThat(f.get(0).message()).contains("defined later (line 8)");
    }

    @Test
    void runMountFromIsAStageReferenceToo() {
        String df = """
                FROM alpine:3.22 AS deps
                RUN --mount=type=bind,from=deps,target=/d ls /d
                RUN --mount=type=cache,target=/c --mount=type=bind,from=dpes,source=/x,target=/x ls /x
                FROM alpine:3.22
                RUN --mount=type=bind,from=deps,target=/d ls /d
                RUN --mount=type=bind,from=alpine:3.22,target=/a ls /a
                """;
        singleAt(lint(new CopyFromOwnStage(), df), df, "--mount=type=bind,from=deps");
        singleAt(lint(new CopyFromUnknownStage(), df), df, "--mount=type=bind,from=dpes");
    }

    // ---- DF104 - DF107 stage names -------------------------------------------------------------------------

    @Test
    void stageNames() {
        String dup = "FROM alpine:3.22 AS base\nFROM alpine:3.22 AS BASE\n";
        Finding d = singleAt(lint(new DuplicateStageName(), dup), dup, "BASE");
        assertThat(d.message()).contains("line 1");
        assertThat(lint(new ReservedStageName(), "FROM alpine:3.22 AS Context\n")).hasSize(1);
        assertThat(lint(new ReservedStageName(), "FROM alpine:3.22 AS contexts\n")).isEmpty();
        assertThat(lint(new StageNameCasing(), "FROM alpine:3.22 as Build\n")).hasSize(1);
        assertThat(lint(new StageNameCasing(), "FROM alpine:3.22 AS build\n")).isEmpty();
        for (String bad : List.of("1st", "my$stage", "_x", "a/b")) {
            assertThat(lint(new InvalidStageName(), "FROM alpine:3.22 AS " + bad + "\n")).as(bad).hasSize(1);
        }
        for (String ok : List.of("build-1", "b_2.x", "Build")) {
            assertThat(lint(new InvalidStageName(), "FROM alpine:3.22 AS " + ok + "\n")).as(ok).isEmpty();
        }
    }

    // ---- DF108 whole stage root ----------------------------------------------------------------------------

    @Test
    void wholeRootOfABuildStageIntoTheFinalImage() {
        String df = """
                FROM golang:1.26 AS build
                RUN go build -o /out/app .
                FROM scratch AS export
                COPY --from=build /out/app /app
                FROM tonistiigi/xx:1.6 AS xx
                FROM golang:1.26 AS tools
                COPY --from=xx / /
                FROM alpine:3.22
                COPY --from=export / /
                COPY --from=xx / /
                COPY --from=build . /
                """;
        singleAt(lint(new CopyWholeStageRoot(), df), df, ". /");
    }
}
