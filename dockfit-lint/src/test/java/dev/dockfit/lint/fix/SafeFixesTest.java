package dev.dockfit.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each safe fix on the finding position its rule reports, including multi-line RUNs and odd casing. */
class SafeFixesTest {

    @Test
    void aptInstallGetsNoInstallRecommendsAfterInstall() {
        String in = "FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n";
        assertThat(Fixing.applyAt("DF400", in, 3, 8)).isEqualTo(
                "FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get install --no-install-recommends -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n");
    }

    @Test
    void onlyTheCommandAtTheFindingIsFixedWhenSeveralOffend() {
        String in = "FROM debian\nRUN apt-get install -y a && apt-get install -y b\n";
        assertThat(Fixing.applyAt("DF400", in, 2, 30))
                .isEqualTo("FROM debian\nRUN apt-get install -y a && apt-get install --no-install-recommends -y b\n");
    }

    @Test
    void apkAddGetsNoCache() {
        assertThat(Fixing.applyAt("DF402", "FROM alpine:3.20\nRUN apk add curl\n", 2, 9))
                .isEqualTo("FROM alpine:3.20\nRUN apk add --no-cache curl\n");
    }

    @Test
    void pipInstallGetsNoCacheDirForEveryPipSpelling() {
        assertThat(Fixing.applyAt("DF403", "FROM python:3.12-slim\nRUN python3 -m pip install flask\n", 2, 5))
                .isEqualTo("FROM python:3.12-slim\nRUN python3 -m pip install --no-cache-dir flask\n");
        assertThat(Fixing.applyAt("DF403", "FROM python:3.12-slim\nRUN pip3 install -r r.txt\n", 2, 5))
                .isEqualTo("FROM python:3.12-slim\nRUN pip3 install --no-cache-dir -r r.txt\n");
    }

    @Test
    void aptGetGetsYesAfterItsSubcommand() {
        assertThat(Fixing.applyAt("DF618", "FROM debian\nRUN apt-get update && apt-get install curl\n", 2, 23))
                .isEqualTo("FROM debian\nRUN apt-get update && apt-get install -y curl\n");
        assertThat(Fixing.proposeAt("DF618", "FROM debian\nRUN apt-get -qq install curl\n", 2, 5)).isNull();
    }

    @Test
    void aptBecomesAptGetOnlyWhereTheMeaningIsTheSame() {
        assertThat(Fixing.applyAt("DF705", "FROM debian\nRUN apt update && /usr/bin/apt install -y x\n", 2, 5))
                .isEqualTo("FROM debian\nRUN apt-get update && /usr/bin/apt install -y x\n");
        Proposal list = Fixing.proposeAt("DF705", "FROM debian\nRUN apt list --installed\n", 2, 5);
        assertThat(list.refused()).isTrue();
        assertThat(list.refusal()).contains("apt list");
    }

    @Test
    void aptListsRemovedAtTheEndOfAPlainChainOnly() {
        assertThat(Fixing.applyAt("DF401", "FROM debian\nRUN apt-get update \\\n && apt-get install -y x\n", 2, 13))
                .isEqualTo("FROM debian\nRUN apt-get update \\\n && apt-get install -y x && rm -rf /var/lib/apt/lists/*\n");
        Proposal p = Fixing.proposeAt("DF401", "FROM debian\nRUN apt-get update; apt-get install -y x || true\n", 2, 13);
        assertThat(p.refused()).isTrue();
    }

    @Test
    void maintainerBecomesAnOciLabelKeepingCasingAndQuotingTheValue() {
        assertThat(Fixing.applyAt("DF700", "FROM alpine\nmaintainer Jane \"JD\" <j@x.org>\nRUN true\n", 2, 1))
                .isEqualTo("FROM alpine\nlabel org.opencontainers.image.authors=\"Jane \\\"JD\\\" <j@x.org>\"\nRUN true\n");
    }

    @Test
    void keywordCasingFollowsTheMajority() {
        assertThat(Fixing.applyAt("DF702", "FROM alpine\nrun true\nCMD [\"sh\"]\n", 2, 1))
                .isEqualTo("FROM alpine\nRUN true\nCMD [\"sh\"]\n");
        assertThat(Fixing.applyAt("DF702", "from alpine\nRUN true\ncmd [\"sh\"]\n", 2, 1))
                .isEqualTo("from alpine\nrun true\ncmd [\"sh\"]\n");
    }

    @Test
    void redundantPlatformFlagRemovedWithItsBlanks() {
        assertThat(Fixing.applyAt("DF716", "FROM --platform=$TARGETPLATFORM golang:1.22 AS b\n", 1, 6))
                .isEqualTo("FROM golang:1.22 AS b\n");
        assertThat(Fixing.applyAt("DF716", "FROM --platform=${TARGETPLATFORM} \\\n  golang:1.22\n", 1, 6))
                .isEqualTo("FROM \\\n  golang:1.22\n");
        assertThat(Fixing.proposeAt("DF716", "FROM --platform=$BUILDPLATFORM golang:1.22\n", 1, 6)).isNull();
    }
}
