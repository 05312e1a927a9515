package dev.dockfit.lint.rules;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintConfig;
import dev.dockfit.lint.Linter;
import dev.dockfit.lint.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The least-privilege, multi-stage and base-image rules on odd but parseable input: never an exception. */
class OddDockerfilesTest {
    private static final List<String> ODD = List.of(
            "FROM scratch\n",
            "ARG A\n",
            "FROM $UNSET\nUSER\nCOPY --from= a b\nRUN\n",
            "FROM ${A:-}\nWORKDIR $NOPE\nCOPY . .\nRUN chown -R x .\n",
            "FROM alpine:3.22 AS x\nONBUILD RUN sudo make\nONBUILD COPY --from=x / /\nONBUILD USER root\n",
            "FROM alpine:3.22\nCOPY [\"a\", \"b\", \"/c/\"]\nRUN [\"chown\", \"-R\", \"x\", \"/c\"]\n",
            "FROM alpine:3.22\nRUN chown -R\nRUN chmod -R --reference=/x /c\nRUN useradd -u\nRUN apk add\n",
            "FROM alpine:3.22\nRUN echo \"unterminated\nRUN $(make\n",
            "FROM --platform= alpine:3.22 AS\nFROM a b c d\n",
            "FROM alpine:3.22 AS a\nFROM a AS b\nFROM b AS a\nCOPY --from=b / /\n",
            "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\"]\nRUN make\n",
            "FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
            "FROM ubuntu:\u00e9\nUSER r\u00f6\u00f6t\n");

    @Test
    void noRuleThrows() {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(dev.dockfit.lint.rules.leastprivilege.Rules.ALL);
        rules.addAll(dev.dockfit.lint.rules.multistage.Rules.ALL);
        rules.addAll(dev.dockfit.lint.rules.baseimage.Rules.ALL);
        Set<String> all = Set.copyOf(rules.stream().map(r -> r.info().id()).toList());
        LintConfig config = new LintConfig(Set.of(), all, Map.of(), Severity.STYLE, List.of("docker.io"), Map.of(),
                true);
        Linter linter = new Linter(rules, config);
        for (String df : ODD) {
            assertThatCode(() -> linter.lint("Dockerfile", df.getBytes(StandardCharsets.UTF_8), null))
                    .as(df).doesNotThrowAnyException();
        }
    }
}
