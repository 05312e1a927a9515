package dev.dockfit.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.parser.DockerfileParser;
import dev.dockfit.dockerfile.semantic.BuildModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    void runCommandsAreTheNamedCommandsOfEveryRunScriptInFileOrder() throws Exception {
        String text = """
                FROM debian:bookworm
                RUN apt-get update && apt-get install -y curl
                RUN ["apt-get", "install", "-y", "make"]
                RUN <<EOF
                echo hi
                apt-get clean
                EOF
                RUN yum install -y git; apt-get purge x
                """;
        LintContext ctx = context(text);
        List<Instruction> runs = ctx.instructions("RUN");
        List<LintContext.RunCommand> apt = ctx.runCommands("apt-get");
        assertThat(apt).extracting(c -> c.command().args().get(0).literal())
                .as("shell form and heredoc, not the exec form").containsExactly("update", "install", "clean", "purge");
        assertThat(apt).extracting(LintContext.RunCommand::run)
                .containsExactly(runs.get(0), runs.get(0), runs.get(2), runs.get(3));
        assertThat(apt.get(2).script().span(apt.get(2).command().words().get(0)).start())
                .as("spans map into the heredoc").isEqualTo(text.indexOf("apt-get clean"));
        assertThat(ctx.runCommands("yum", "apt-get")).extracting(c -> c.command().name())
                .containsExactly("apt-get", "apt-get", "apt-get", "yum", "apt-get");
        assertThat(ctx.runCommands("dnf")).isEmpty();
        assertThat(ctx.runCommands("debian")).as("FROM words are no commands").isEmpty();
    }

    @Test
    void commandsOfARunAreEveryCommandOfItsScriptsInOrder() throws Exception {
        String text = """
                FROM debian:bookworm
                RUN apt-get update && apt-get install -y curl | tee log
                RUN ["apt-get", "install", "-y", "make"]
                RUN <<EOF
                cd /x && echo hi
                make
                EOF
                """;
        LintContext ctx = context(text);
        List<Instruction> runs = ctx.instructions("RUN");
        assertThat(ctx.commands(runs.get(0))).extracting(c -> c.command().name()).containsExactly("apt-get", "apt-get", "tee");
        assertThat(ctx.commands(runs.get(0))).extracting(LintContext.RunCommand::run).containsOnly(runs.get(0));
        assertThat(ctx.commands(runs.get(1))).as("the exec form has no shell commands").isEmpty();
        List<LintContext.RunCommand> third = ctx.commands(runs.get(2));
        assertThat(third).extracting(c -> c.command().name())
                .as("the RUN line itself (<<EOF, a redirection alone) is a command without a name, then the body's")
                .containsExactly("", "cd", "echo", "make");
        assertThat(third.get(3).script().span(third.get(3).command().words().get(0)).start())
                .as("spans map into the heredoc").isEqualTo(text.lastIndexOf("make"));
        assertThat(ctx.commands(runs.get(2))).as("computed once per RUN").isSameAs(third);
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

    @Test
    void instructionsOfAKeywordAreThoseInstructionsInFileOrder() throws Exception {
        LintContext ctx = context("""
                ARG BASE=debian:bookworm
                FROM ${BASE} AS build
                run apt-get update
                ENV A=1
                Run make
                ONBUILD RUN npm ci
                ONBUILD COPY . /src
                FORM alpine
                FROM alpine:3.20
                RUN echo done
                """);
        List<Instruction> all = ctx.instructions();
        for (String keyword : List.of("ARG", "FROM", "RUN", "ENV", "ONBUILD", "COPY", "USER", "FORM", "run")) {
            assertThat(ctx.instructions(keyword)).as(keyword)
                    .containsExactlyElementsOf(all.stream().filter(i -> i.is(keyword)).toList());
        }
        assertThat(ctx.instructions("RUN")).as("any casing as written, file order")
                .extracting(i -> i.argsText().text()).containsExactly("apt-get update", "make", "echo done");
        assertThat(ctx.instructions("ONBUILD")).as("the ONBUILDs themselves")
                .extracting(i -> i.child().keyword()).containsExactly("RUN", "COPY");
        assertThat(ctx.instructions("COPY")).as("the instruction an ONBUILD wraps is in no list").isEmpty();
        assertThat(ctx.instructions("USER")).as("absent").isEmpty();
        assertThat(ctx.instructions("FORM")).as("an unknown instruction").hasSize(1);
        assertThat(ctx.instructions("run")).as("keywords are asked for in upper case").isEmpty();
        assertThat(ctx.instructions("RUN")).as("made once, shared").isSameAs(ctx.instructions("RUN"));
        assertThatThrownBy(() -> ctx.instructions("RUN").remove(0))
                .as("read-only").isInstanceOf(UnsupportedOperationException.class);
    }
}
