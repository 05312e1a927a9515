package dev.dockfit.lint.rules.correctness;

import static dev.dockfit.lint.RuleHarness.lint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.lint.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrectnessRulesTest {

    /** "line:column message" of each finding, for compact assertions. */
    private static List<String> where(Rule rule, String dockerfile) {
        return lint(rule, dockerfile).stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList();
    }

    @Test
    void unknownInstructionSuggestsTheNearestKeywordAndChecksOnbuildTriggers() {
        assertThat(where(new UnknownInstruction(), "FROM a\nCOPPY x /x\nONBUILD RUNN make\nrun ok\n"))
                .containsExactly("2:1 unknown instruction 'COPPY': did you mean COPY?",
                        "3:9 unknown instruction 'RUNN': did you mean RUN?");
    }

    @Test
    void unknownFlagsAndValuesAreReportedOnTheFlag() {
        UnknownFlag rule = new UnknownFlag();
        assertThat(where(rule, "FROM a\nCOPY --chwon=1 x /x\n"))
                .containsExactly("2:6 unknown flag --chwon for COPY: did you mean --chown?");
        assertThat(where(rule, "FROM a\nENV --foo=1 A=b\n")).singleElement().asString().contains("ENV takes no flags");
        assertThat(where(rule, "FROM a\nRUN --network=hots make\n")).singleElement().asString()
                .contains("--network=hots is not valid");
        assertThat(where(rule, "FROM a\nRUN --mount=type=cahce,target=/x make\n")).singleElement().asString()
                .contains("unknown mount type 'cahce'");
        assertThat(lint(rule, """
                FROM --platform=$BUILDPLATFORM a
                RUN --mount=type=cache,target=/root/.cache --network=none --security=sandbox make
                COPY --link --parents --chmod=644 --exclude=*.md --from=a x /x/
                ADD --checksum=sha256:abc --keep-git-dir=true https://example.com/x /x
                HEALTHCHECK --interval=5s --timeout=3s --start-period=1s --start-interval=1s --retries=3 CMD true
                RUN --network=$NET make
                ARG --required TOKEN
                STOPSIGNAL --whatever SIGTERM
                """)).isEmpty();
    }

    @Test
    void onlyArgMayComeBeforeFrom() {
        InstructionBeforeFrom rule = new InstructionBeforeFrom();
        assertThat(lint(rule, "ARG V=1\nFROM a:$V\nRUN x\n")).isEmpty();
        assertThat(where(rule, "ARG V=1\nRUN x\nFROM a\n")).singleElement().asString().startsWith("2:1 RUN before");
        assertThat(where(rule, "ARG V=1\n")).singleElement().asString().contains("no FROM");
    }

    @Test
    void onbuildCannotWrapFromMaintainerOrOnbuild() {
        assertThat(lint(new ForbiddenOnbuildTrigger(), "FROM a\nONBUILD FROM b\nONBUILD RUN x\n")).hasSize(1);
    }

    @Test
    void brokenExecFormIsReportedButShellTestsAreNot() {
        ExecFormNotJson rule = new ExecFormNotJson();
        assertThat(lint(rule, "FROM a\nCMD ['python', 'app.py']\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nENTRYPOINT [\"app\",]\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nHEALTHCHECK CMD ['curl', 'x']\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nSHELL /bin/bash -c\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nRUN [ -f /etc/x ] && echo yes\nRUN [ \"$A\" = \"b\" ] || true\n"
                + "CMD [\"a\", \"b\"]\nSHELL [\"/bin/sh\", \"-c\"]\n")).isEmpty();
    }

    @Test
    void healthcheckOptionsAndTypes() {
        InvalidHealthcheck rule = new InvalidHealthcheck();
        assertThat(lint(rule, "FROM a\nHEALTHCHECK NONE\nHEALTHCHECK --interval=1m30s --retries=3 CMD true\n"))
                .isEmpty();
        assertThat(where(rule, "FROM a\nHEALTHCHECK --retries=x CMD true\n")).singleElement().asString()
                .startsWith("2:13 --retries=x");
        assertThat(lint(rule, "FROM a\nHEALTHCHECK NONE true\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nHEALTHCHECK PING x\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nHEALTHCHECK --timeout=-5s CMD true\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nHEALTHCHECK --timeout=500us CMD true\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nHEALTHCHECK --interval=0 --timeout=1.5ms CMD true\n")).isEmpty();
        assertThat(where(rule, "FROM a\nHEALTHCHECK --interval=5s NONE\n")).singleElement().asString()
                .startsWith("2:13 HEALTHCHECK NONE takes no options");
    }

    @Test
    void repeatedCmdCountsPerStageAndReportsTheOverriddenOnes() {
        assertThat(lint(new MultipleCmd(), "FROM a AS b\nCMD x\nFROM b\nCMD y\n")).isEmpty();
        assertThat(where(new MultipleCmd(), "FROM a\nCMD x\nCMD y\nCMD z\n"))
                .extracting(s -> s.substring(0, 3)).containsExactly("2:1", "3:1");
        assertThat(lint(new MultipleEntrypoint(), "FROM a\nENTRYPOINT x\nENTRYPOINT y\n")).hasSize(1);
        assertThat(lint(new MultipleHealthcheck(), "FROM a\nHEALTHCHECK NONE\nHEALTHCHECK CMD x\n")).hasSize(1);
    }

    @Test
    void shellFormCommandRespectsShellAndExec() {
        ShellFormCommand rule = new ShellFormCommand();
        assertThat(lint(rule, "FROM a\nCMD exec node server.js\n")).isEmpty();
        assertThat(lint(rule, "FROM a AS base\nSHELL [\"pwsh\", \"-c\"]\nFROM base\nCMD Write-Host hi\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nENTRYPOINT node server.js\nCMD [\"--port\", \"80\"]\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nONBUILD CMD node server.js\n")).isEmpty();
    }

    @Test
    void relativeWorkdirIsResolvedAndAllowedAfterAnAbsoluteOne() {
        RelativeWorkdir rule = new RelativeWorkdir();
        assertThat(where(rule, "FROM a\nARG D=app\nWORKDIR $D\n")).singleElement().asString()
                .startsWith("3:9 WORKDIR 'app'");
        assertThat(lint(rule, "FROM a\nWORKDIR /app\nWORKDIR src\n")).isEmpty();
        assertThat(lint(rule, "FROM a AS b\nWORKDIR /app\nFROM b\nWORKDIR src\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nWORKDIR C:\\\\app\nWORKDIR $UNSET/x\n")).isEmpty();
    }

    @Test
    void workdirInSystemDirectories() {
        assertThat(lint(new WorkdirInSystemDirectory(), "FROM a\nWORKDIR /dev/x\n")).hasSize(1);
        assertThat(lint(new WorkdirInSystemDirectory(), "FROM a\nWORKDIR /procedures\n")).isEmpty();
    }

    @Test
    void relativeCopyDestinationNeedsAWorkdirInTheStageChain() {
        CopyRelativeDestination rule = new CopyRelativeDestination();
        assertThat(where(rule, "FROM a\nCOPY x y/\n")).singleElement().asString().startsWith("2:8 COPY to relative");
        assertThat(lint(rule, "FROM a AS b\nWORKDIR /app\nFROM b\nCOPY x .\n")).isEmpty();
        assertThat(lint(rule, "FROM scratch\nCOPY x .\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nARG DEST=/opt/\nCOPY x $DEST\nCOPY y /y\n")).isEmpty();
    }

    @Test
    void multiSourceCopyNeedsADirectoryDestination() {
        MultiSourceCopyDestination rule = new MultiSourceCopyDestination();
        assertThat(lint(rule, "FROM a\nWORKDIR /a\nCOPY a b .\nCOPY a b ./\nARG D=/x/\nCOPY a b $D\nCOPY a /b\n"))
                .isEmpty();
        assertThat(where(rule, "FROM a\nCOPY [\"a\", \"b\", \"/x\"]\n")).singleElement().asString()
                .contains("2 sources");
        assertThat(lint(rule, "FROM a\nADD a.tgz b.tgz /opt\n")).hasSize(1);
    }

    @Test
    void portsAreResolvedAndRangesChecked() {
        InvalidPort rule = new InvalidPort();
        assertThat(lint(rule, "FROM a\nEXPOSE 80 443/tcp 53/udp 8000-8010/tcp 0 65535\nEXPOSE $UNSET\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nEXPOSE 70000\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nEXPOSE 80/tpc\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nEXPOSE 9000-8000\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nARG PORTS=\"80 99999\"\nEXPOSE $PORTS\n")).hasSize(1);
        assertThat(lint(new ExposeHostMapping(), "FROM a\nEXPOSE 8080:80\nEXPOSE 80\n")).hasSize(1);
    }

    @Test
    void undefinedVariablesFollowStageScoping() {
        UndefinedVariable rule = new UndefinedVariable();
        assertThat(where(rule, "ARG V=1\nFROM a\nLABEL v=$V\n")).singleElement().asString()
                .startsWith("3:9 $V is not defined in this stage");
        assertThat(lint(rule, "ARG V=1\nFROM a\nARG V\nLABEL v=$V\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nARG EMPTY\nWORKDIR /x$EMPTY\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nENV PATH=$PATH:/opt/bin\nUSER $APP_USER\n")).isEmpty();
        assertThat(where(rule, "FROM a\nARG APP_VERSION=1\nLABEL v=${APP_VERSON}\n")).singleElement().asString()
                .contains("did you mean $APP_VERSION?");
        assertThat(lint(rule, "FROM scratch\nCOPY x /$DIR/\n")).hasSize(1);
        assertThat(lint(rule, "FROM a AS b\nARG X=1\nFROM a\nCOPY --chown=$X x /x\n")).hasSize(1);
        assertThat(lint(rule, "FROM a AS b\nENV X=1\nFROM b\nCOPY --chown=$X x /x\nRUN echo $Y\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nENV GOPATH=/go\nENV PATH=$GOPATH/bin:$PATH\n")).isEmpty();
    }

    @Test
    void envSelfReference() {
        EnvSelfReference rule = new EnvSelfReference();
        assertThat(where(rule, "FROM a\nENV A=1 B=${A}/x\n")).singleElement().asString().startsWith("2:11 $A");
        assertThat(lint(rule, "FROM a\nENV A=1\nENV A=2 B=$A\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nENV A=1 B=$AB C=$A_\n")).isEmpty();
    }

    @Test
    void pipefailIsNeededUnlessTheShellOrScriptSetsIt() {
        PipeWithoutPipefail rule = new PipeWithoutPipefail();
        assertThat(where(rule, "FROM a\nRUN set -e; \\\n  curl -fsSL x | tar -xz\n")).singleElement().asString()
                .startsWith("3:3 ");
        assertThat(lint(rule, "FROM a\nSHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN curl x | tar -x\n"))
                .isEmpty();
        assertThat(lint(rule, "FROM a\nRUN set -euo pipefail; curl x | tar -x\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nRUN echo \"$SUM  f\" | sha256sum -c -\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nRUN if head -1 .git | grep -q gitdir; then echo; fi && ls | head -3\n"))
                .isEmpty();
        assertThat(lint(rule, "FROM a\nRUN ls | head -3 && curl x | tar -x\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nSHELL [\"pwsh\", \"-c\"]\nRUN Get-Item x | Remove-Item\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nRUN [\"sh\", \"-c\", \"curl x | tar -x\"]\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nRUN <<EOF\ncurl x | tar -x\nEOF\n")).hasSize(1);
    }

    @Test
    void aptGetNeedsYesForPromptingSubcommandsOnly() {
        AptGetWithoutYes rule = new AptGetWithoutYes();
        assertThat(lint(rule, """
                FROM a
                RUN apt-get update && apt-get -qq install curl && apt-get install --yes x && apt-get -y purge y
                RUN apt-get install -o APT::Get::Assume-Yes=true z && apt-get -q=2 upgrade
                RUN apt-get source x
                """)).isEmpty();
        assertThat(where(rule, "FROM a\nRUN apt-get -o Dpkg::Options::=--force-confold install x\n"))
                .singleElement().asString().startsWith("2:5 add -y to apt-get install");
        assertThat(lint(rule, "FROM a\nRUN apt-get -q install x\n")).hasSize(1);
    }

    @Test
    void rpmAndZypperNeedNonInteractiveFlags() {
        InstallWithoutYes rule = new InstallWithoutYes();
        assertThat(lint(rule, "FROM a\nRUN yum install -y x && dnf -y upgrade && zypper -n in x && zypper install -y x"
                + " && dnf clean all && yum makecache\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nRUN zypper install x\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nRUN yum --setopt=tsflags=nodocs install x\n")).hasSize(1);
    }

    @Test
    void distUpgrade() {
        assertThat(lint(new DistUpgrade(), "FROM a\nRUN zypper -n dup && apt-get -y dist-upgrade\n")).hasSize(2);
        assertThat(lint(new DistUpgrade(), "FROM a\nRUN apt-get -y upgrade && zypper -n up\n")).isEmpty();
    }

    @Test
    void addIsFineForArchivesAndUrlsResolvedFromArgs() {
        AddForLocalFiles rule = new AddForLocalFiles();
        assertThat(lint(rule, """
                FROM a
                ARG ARCHIVE=app.tgz
                ADD $ARCHIVE /opt/
                ADD https://example.com/x.bin /x
                ADD --checksum=sha256:0 https://example.com/y /y
                ADD git@github.com:a/b.git /src
                ADD rootfs.tar.xz /
                """)).isEmpty();
        assertThat(lint(rule, "FROM a\nADD app.tgz config.yml /opt/\n")).hasSize(1);
    }

    @Test
    void numericUserIsResolvedFromArgs() {
        NonNumericUser rule = new NonNumericUser();
        assertThat(rule.info().enabledByDefault()).isFalse();
        assertThat(lint(rule, "FROM a\nARG UID=10001\nUSER $UID:$UID\nUSER 0\n")).isEmpty();
        assertThat(where(rule, "FROM a\nUSER app:1000\n")).singleElement().asString().startsWith("2:6 USER app");
    }
}
