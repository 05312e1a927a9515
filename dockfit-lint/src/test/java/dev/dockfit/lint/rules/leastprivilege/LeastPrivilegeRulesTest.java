package dev.dockfit.lint.rules.leastprivilege;

import static dev.dockfit.lint.RuleHarness.lint;
import static dev.dockfit.lint.RuleHarness.singleAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeastPrivilegeRulesTest {

    // ---- DF001 no USER -------------------------------------------------------------------------------------

    @Test
    void noUserReportedOnFinalFromOnly() {
        String df = """
                FROM golang:1.26 AS build
                RUN go build -o /app .
                FROM debian:bookworm-slim
                COPY --from=build /app /app
                """;
        singleAt(lint(new NoUserInFinalStage(), df), df, "FROM debian");
    }

    @Test
    void userInBuildStageDoesNotCountButParentStageDoes() {
        String build = """
                FROM debian:bookworm-slim AS build
                USER nobody
                FROM debian:bookworm-slim
                """;
        assertThat(lint(new NoUserInFinalStage(), build)).hasSize(1);
        String parent = """
                FROM debian:bookworm-slim AS base
                USER nobody
                FROM base
                CMD ["true"]
                """;
        assertThat(lint(new NoUserInFinalStage(), parent)).isEmpty();
    }

    @Test
    void nonRootBasesAndWindowsAreExempt() {
        assertThat(lint(new NoUserInFinalStage(), "FROM gcr.io/distroless/static-debian12:nonroot\n")).isEmpty();
        assertThat(lint(new NoUserInFinalStage(), "FROM gcr.io/distroless/base:debug-nonroot\n")).isEmpty();
        assertThat(lint(new NoUserInFinalStage(), "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n")).isEmpty();
        assertThat(lint(new NoUserInFinalStage(), "FROM gcr.io/distroless/static-debian12\n")).hasSize(1);
    }

    // ---- DF002 last USER root ------------------------------------------------------------------------------

    @Test
    void rootSpellingsAreReported() {
        for (String user : List.of("root", "0", "0:0", "root:root", "root:app", "00")) {
            String df = "FROM alpine:3.22\nUSER " + user + "\n";
            assertThat(lint(new LastUserIsRoot(), df)).as(user).singleElement()
                    .satisfies(f -> assertThat(f.location().column()).isEqualTo(6));
        }
        for (String user : List.of("app", "1000", "1000:0", "rooted", "10")) {
            assertThat(lint(new LastUserIsRoot(), "FROM alpine:3.22\nUSER " + user + "\n")).as(user).isEmpty();
        }
    }

    @Test
    void rootFromArgOrEnvIsResolved() {
        String arg = """
                FROM alpine:3.22
                ARG RUN_AS=root
                USER ${RUN_AS}
                """;
        Finding f = singleAt(lint(new LastUserIsRoot(), arg), arg, "${RUN_AS}");
        assertThat(f.message()).contains("resolves to 'root'");
        String env = """
                FROM alpine:3.22
                ENV UID=0
                USER $UID:$UID
                """;
        assertThat(lint(new LastUserIsRoot(), env)).hasSize(1);
        String unset = """
                FROM alpine:3.22
                ARG RUN_AS
                USER ${RUN_AS}
                """;
        assertThat(lint(new LastUserIsRoot(), unset)).isEmpty();
    }

    @Test
    void rootOnlyInBuildStageOrBeforeANonRootUserIsFine() {
        String df = """
                FROM alpine:3.22 AS build
                USER root
                RUN echo build
                FROM alpine:3.22
                USER root
                RUN adduser -D app
                USER app
                """;
        assertThat(lint(new LastUserIsRoot(), df)).isEmpty();
        String inherited = """
                FROM alpine:3.22 AS base
                USER root
                FROM base
                CMD ["sh"]
                """;
        singleAt(lint(new LastUserIsRoot(), inherited), inherited, "root");
    }

    // ---- DF003 sudo ----------------------------------------------------------------------------------------

    @Test
    void sudoReportedOnTheWordInShellHeredocAndNotInJsonOrStrings() {
        String df = """
                FROM debian:bookworm-slim
                RUN apt-get update && \\
                    sudo apt-get install -y curl
                RUN bash <<EOF
                set -e
                sudo true
                EOF
                RUN ["sudo", "true"]
                RUN echo "sudo is not run here"
                """;
        List<Finding> f = lint(new SudoInRun(), df);
        assertThat(f).extracting(x -> x.location().line() + ":" + x.location().column())
                .containsExactly("3:5", "6:1");
    }

    // ---- DF004 useradd -------------------------------------------------------------------------------------

    @Test
    void useraddHighUid() {
        String df = """
                FROM debian:bookworm-slim
                RUN useradd --uid 1000000 app
                """;
        singleAt(lint(new UseraddHighUidWithoutNoLogInit(), df), df, "1000000");
        assertThat(lint(new UseraddHighUidWithoutNoLogInit(),
                "FROM debian:bookworm-slim\nRUN useradd --uid=100000 app\n")).hasSize(1);
        assertThat(lint(new UseraddHighUidWithoutNoLogInit(),
                "FROM debian:bookworm-slim\nARG UID=123456\nRUN useradd -u \"$UID\" app\n")).hasSize(1);
        for (String ok : List.of("useradd -u 99999 app", "useradd -l -u 123456 app",
                "useradd --no-log-init -u 123456 app", "useradd -lu 123456 app", "useradd app")) {
            assertThat(lint(new UseraddHighUidWithoutNoLogInit(), "FROM debian:bookworm-slim\nRUN " + ok + "\n"))
                    .as(ok).isEmpty();
        }
    }

    // ---- DF005 chown -R of copied files --------------------------------------------------------------------

    @Test
    void chownOfCopiedDirectoryResolvedAgainstWorkdir() {
        String df = """
                FROM node:22-slim
                WORKDIR /srv
                WORKDIR app
                COPY . .
                RUN npm ci && chown -R node:node ./
                USER node
                """;
        Finding f = singleAt(lint(new RecursiveChownOfCopiedPath(), df), df, "./");
        assertThat(f.message()).contains("/srv/app").contains("COPY --chown=node:node").contains("line 4");
    }

    @Test
    void chmodAndFileInsideChownedDirAndArgPaths() {
        String chmod = """
                FROM alpine:3.22
                ARG DIR=/opt/tool
                COPY bin/ ${DIR}/bin/
                RUN chmod -R 0755 $DIR/bin
                """;
        Finding f = singleAt(lint(new RecursiveChownOfCopiedPath(), chmod), chmod, "$DIR/bin");
        assertThat(f.message()).contains("COPY --chmod=0755");
        String config = """
                FROM alpine:3.22
                COPY app.conf /etc/app/app.conf
                RUN chown -Rv app /etc/app
                """;
        assertThat(lint(new RecursiveChownOfCopiedPath(), config)).hasSize(1);
    }

    @Test
    void cdBeforeChownIsFollowed() {
        String df = """
                FROM alpine:3.22
                WORKDIR /app
                COPY . .
                RUN cd /data && chown -R app .
                RUN cd .. && cd app && chown -R app ./lib
                RUN cd "$HOME" && chown -R app .
                """;
        assertThat(lint(new RecursiveChownOfCopiedPath(), df)).singleElement()
                .satisfies(f -> assertThat(f.location().line()).isEqualTo(5));
    }

    @Test
    void chownNotReportedWithoutRecursionOtherPathsBuildStagesOrExistingChown() {
        for (String df : List.of(
                "FROM alpine:3.22\nCOPY . /app\nRUN chown app /app\n",
                "FROM alpine:3.22\nCOPY . /app\nRUN chown -R app /data\n",
                "FROM alpine:3.22\nCOPY --chown=app . /app\nRUN chown -R app /app\n",
                "FROM alpine:3.22\nRUN chown -R app /app\nCOPY . /app\n",
                "FROM alpine:3.22\nCOPY . /\nRUN chown -R app /app\n",
                "FROM alpine:3.22 AS build\nCOPY . /app\nRUN chown -R app /app\nFROM alpine:3.22\n",
                "FROM alpine:3.22\nCOPY . /app\nRUN chown -R app $UNSET/app\n")) {
            assertThat(lint(new RecursiveChownOfCopiedPath(), df)).as(df).isEmpty();
        }
    }
}
