package dev.dockfit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.dockerfile.parser.DockerfileParser;
import dev.dockfit.dockerfile.semantic.BuildModel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LintContextTest {

    private static LintContext context(String dockerfile) throws Exception {
        var df = DockerfileParser.parse("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8));
        return new LintContext(BuildModel.of(df), null, LintConfig.DEFAULT);
    }

    @Test
    void runsCommandSeesEveryRunScriptOfTheFile() throws Exception {
        LintContext ctx = context("""
                FROM debian:bookworm AS build
                RUN apt-get update && cd /src && /usr/bin/make -j2 | tee log
                FROM alpine:3.20
                RUN <<EOF
                apk add --no-cache curl
                EOF
                ONBUILD RUN npm ci
                """);
        assertThat(ctx.runsCommand("apt-get")).isTrue();
        assertThat(ctx.runsCommand("yum", "make")).as("by name, without its directory").isTrue();
        assertThat(ctx.runsCommand("tee")).as("a pipeline's last command").isTrue();
        assertThat(ctx.runsCommand("apk")).as("in a heredoc the shell runs").isTrue();
        assertThat(ctx.runsCommand("npm")).as("in the RUN an ONBUILD wraps").isTrue();
        assertThat(ctx.runsCommand("yum", "dnf")).isFalse();
        assertThat(ctx.runsCommand("debian")).as("FROM words are no commands").isFalse();
    }

    @Test
    void runsCommandIgnoresExecFormAndNonPosixShells() throws Exception {
        LintContext ctx = context("""
                FROM mcr.microsoft.com/windows/servercore:ltsc2022
                RUN ["apt-get", "install", "-y", "x"]
                SHELL ["powershell", "-Command"]
                RUN wget https://example.com/x
                """);
        assertThat(ctx.runsCommand("apt-get", "wget")).isFalse();
    }
}
