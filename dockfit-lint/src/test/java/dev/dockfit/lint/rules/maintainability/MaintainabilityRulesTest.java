package dev.dockfit.lint.rules.maintainability;

import static dev.dockfit.lint.RuleHarness.lint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.lint.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaintainabilityRulesTest {

    /** "line:column message" of each finding, for compact assertions. */
    private static List<String> where(Rule rule, String dockerfile) {
        return lint(rule, dockerfile).stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList();
    }

    @Test
    void legacyKeyValueFormForEnvLabelAndOnbuild() {
        LegacyKeyValueFormat rule = new LegacyKeyValueFormat();
        assertThat(lint(rule, "FROM a\nENV A B C\nLABEL a b\nONBUILD ENV X y\n")).hasSize(3);
        assertThat(lint(rule, "FROM a\nENV A=B\nENV A=\"b c\" D=e\nLABEL a=\"b c\"\n")).isEmpty();
    }

    @Test
    void casingFollowsTheMajorityOfTheFile() {
        InconsistentInstructionCasing rule = new InconsistentInstructionCasing();
        assertThat(lint(rule, "from a\nrun x\ncopy a /b\n")).isEmpty();
        assertThat(where(rule, "from a\nrun x\nCOPY a /b\n")).singleElement().asString().startsWith("3:1 write copy");
        assertThat(where(rule, "FROM a\nRun x\n")).singleElement().asString().startsWith("2:1 write RUN");
        assertThat(lint(new FromAsCasing(), "from a as b\nFROM c AS d\n")).isEmpty();
        assertThat(where(new FromAsCasing(), "FROM a as b\n")).singleElement().asString().startsWith("1:8 write 'AS'");
    }

    @Test
    void cdIsReportedOnlyWhenItStartsTheRun() {
        CdInRun rule = new CdInRun();
        assertThat(where(rule, "FROM a\nRUN cd /app && make\n")).singleElement().asString()
                .startsWith("2:5 use WORKDIR /app");
        assertThat(lint(rule, "FROM a\nRUN curl -o x.tgz u && tar xzf x.tgz && cd x && make\nRUN echo $(cd /x; pwd)\n"))
                .isEmpty();
        assertThat(lint(rule, "FROM a\nRUN <<EOF\ncd /app\nmake\nEOF\n")).hasSize(1);
    }

    @Test
    void aptOnlyAsACommand() {
        AptInsteadOfAptGet rule = new AptInsteadOfAptGet();
        assertThat(lint(rule, "FROM a\nRUN apt-get install -y apt && echo apt\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nRUN /usr/bin/apt install -y x\n")).hasSize(1);
    }

    @Test
    void exposeProtocolCasing() {
        assertThat(lint(new ExposeProtocolCasing(), "FROM a\nEXPOSE 53/UDP 80/Tcp 443/tcp\n")).hasSize(2);
    }

    @Test
    void emptyContinuationLines() {
        assertThat(where(new EmptyContinuationLine(), "FROM a\nRUN a && \\\n\n  b\n")).hasSize(1);
        assertThat(lint(new EmptyContinuationLine(), "FROM a\nRUN a && \\\n  # comment\n  b\n")).isEmpty();
    }

    @Test
    void pointlessCommandsAreCommandsNotArguments() {
        PointlessCommandInContainer rule = new PointlessCommandInContainer();
        assertThat(lint(rule, "FROM a\nRUN apt-get install -y procps vim ssh && ssh-keyscan github.com\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nRUN service mysql start && ps aux\n")).hasSize(2);
    }

    @Test
    void wgetProgress() {
        WgetWithoutProgressOption rule = new WgetWithoutProgressOption();
        assertThat(lint(rule, "FROM a\nRUN wget -q u && wget -nv u && wget --progress=dot:giga u && wget -qO- u\n"))
                .isEmpty();
        assertThat(lint(rule, "FROM a\nRUN wget -O /tmp/x u\n")).hasSize(1);
    }

    @Test
    void labelKeysAreResolvedThenChecked() {
        InvalidLabelKey rule = new InvalidLabelKey();
        assertThat(lint(rule, "FROM a\nLABEL org.opencontainers.image.title=x maintainer=y \"com.example.a-b\"=z\n"))
                .isEmpty();
        assertThat(lint(rule, "FROM a\nLABEL com.docker.x=1 a..b=2 -a=3 a-=4\n")).hasSize(4);
        assertThat(lint(rule, "FROM a\nARG K=Bad\nLABEL $K=1\n")).hasSize(1);
    }

    @Test
    void symlinkedShell() {
        assertThat(lint(new SymlinkedShell(), "FROM a\nRUN ln -sf /bin/bash /bin/sh\n")).hasSize(1);
        assertThat(lint(new SymlinkedShell(), "FROM a\nRUN ln -s /bin/sh /usr/local/bin/sh2\n")).isEmpty();
    }

    @Test
    void consecutiveRunsWithTheSameFlags() {
        ConsecutiveRuns rule = new ConsecutiveRuns();
        assertThat(lint(rule, "FROM a\nRUN a\n# why\nRUN b\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nRUN a\nRUN --mount=type=cache,target=/c b\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nRUN a && b && c\nRUN d\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nRUN a\nCOPY x /x\nRUN b\n")).isEmpty();
    }

    @Test
    void healthcheckMayBeInheritedFromAParentStage() {
        MissingHealthcheck rule = new MissingHealthcheck();
        assertThat(lint(rule, "FROM a AS base\nHEALTHCHECK CMD true\nFROM base\n")).isEmpty();
        assertThat(lint(rule, "FROM a AS base\nHEALTHCHECK CMD true\nFROM b\n")).hasSize(1);
        assertThat(rule.info().enabledByDefault()).isFalse();
    }

    @Test
    void rpmVersionPins() {
        UnpinnedRpmPackages rule = new UnpinnedRpmPackages();
        assertThat(lint(rule, "FROM a\nRUN dnf install -y httpd-2.4.62 /tmp/x.rpm @core && zypper in -y curl=8.0\n"))
                .isEmpty();
        assertThat(where(rule, "FROM a\nRUN yum install -y tar gzip-1.12\n")).singleElement().asString()
                .startsWith("2:20 pin tar");
    }

    @Test
    void goInstallPins() {
        GoInstallWithoutVersion rule = new GoInstallWithoutVersion();
        assertThat(lint(rule, "FROM a\nRUN go install golang.org/x/tools/gopls@v0.16.2 ./cmd/... example.com/x\n"))
                .isEmpty();
        assertThat(lint(rule, "FROM a\nRUN go install -v example.com/x@latest example.com/y@master\n")).hasSize(2);
    }

    @Test
    void redundantTargetPlatformButNotBuildPlatform() {
        RedundantTargetPlatform rule = new RedundantTargetPlatform();
        assertThat(lint(rule, "FROM --platform=$BUILDPLATFORM a\n")).isEmpty();
        assertThat(lint(rule, "FROM --platform=${TARGETPLATFORM} a\n")).hasSize(1);
    }

    @Test
    void archiveCopiedThenExtractedInTheSameStage() {
        ArchiveCopiedThenExtracted rule = new ArchiveCopiedThenExtracted();
        assertThat(lint(rule, "FROM a\nCOPY dist/app.tar.gz /tmp/\nRUN tar xzf /tmp/app.tar.gz -C /opt\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nCOPY app.tar.gz /srv/\nRUN tar -tzf /srv/app.tar.gz\n")).isEmpty();
        assertThat(lint(rule, "FROM a\nCOPY app.tar.gz /tmp/\nFROM b\nRUN tar xzf /tmp/app.tar.gz\n")).isEmpty();
    }

    @Test
    void maintainer() {
        assertThat(where(new MaintainerDeprecated(), "FROM a\nMAINTAINER me\n")).singleElement().asString()
                .startsWith("2:1 MAINTAINER is deprecated");
    }

    @Test
    void ociLabelValues() {
        MalformedOciLabel rule = new MalformedOciLabel();
        assertThat(lint(rule, """
                FROM a
                ARG BUILD_DATE=2024-05-01T10:00:00+02:00
                LABEL org.opencontainers.image.created=$BUILD_DATE org.opencontainers.image.url=https://x.io/a \\
                      org.opencontainers.image.created=$UNSET org.opencontainers.image.version=whatever
                """)).isEmpty();
        assertThat(lint(rule, "FROM a\nLABEL org.opencontainers.image.documentation=\"see README\"\n")).hasSize(1);
        assertThat(lint(rule, "FROM a\nLABEL org.opencontainers.image.created=yesterday\n")).hasSize(1);
    }

    @Test
    void definitionDescriptionsStartWithTheName() {
        DefinitionDescription rule = new DefinitionDescription();
        assertThat(rule.info().enabledByDefault()).isFalse();
        assertThat(lint(rule, "# builder compiles the app\n# second line\nFROM a AS builder\n# unrelated\n\nARG X\n"))
                .isEmpty();
        assertThat(where(rule, "FROM a\n# the port to listen on\nARG PORT=80\n")).singleElement().asString()
                .startsWith("2:1 start this comment with 'PORT'");
        assertThat(lint(rule, "# compile\nFROM a AS build\n# A and B\nARG A B\n")).hasSize(1);
    }
}
