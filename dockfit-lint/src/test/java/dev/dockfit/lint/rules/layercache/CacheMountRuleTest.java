package dev.dockfit.lint.rules.layercache;

import static dev.dockfit.lint.RuleHarness.lint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DF315: which cache each manager needs, as root only, from ENV and the official image's defaults. */
class CacheMountRuleTest {
    private final DependencyDownloadWithoutCacheMount rule = new DependencyDownloadWithoutCacheMount();

    @SuppressWarnings("unchecked")
    private List<String> targets(String dockerfile) {
        List<Finding> f = lint(rule, dockerfile);
        assertThat(f).hasSize(1);
        return (List<String>) f.get(0).properties().get(DependencyDownloadWithoutCacheMount.TARGETS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "debian | npm ci | /root/.npm",
            "debian | yarn install --frozen-lockfile | /usr/local/share/.cache/yarn",
            "debian | pip install -r requirements.txt | /root/.cache/pip",
            "debian | uv sync --frozen | /root/.cache/uv",
            "debian | mvn -B package | /root/.m2/repository",
            "debian | ./gradlew build | /root/.gradle/caches",
            "golang:1.22 | go mod download | /go/pkg/mod,/root/.cache/go-build",
            "debian | go build ./... | /root/go/pkg/mod,/root/.cache/go-build",
            "rust:1.80 | cargo build --release | /usr/local/cargo/registry"})
    void eachManagerGetsItsCacheDirectories(String base, String install, String dirs) {
        assertThat(targets("FROM " + base + "\nRUN " + install + "\n")).containsExactly(dirs.split(","));
    }

    @Test
    void environmentVariablesMoveTheCache() {
        assertThat(targets("FROM debian\nENV PIP_CACHE_DIR=/cache/pip\nRUN pip install -r r.txt\n"))
                .containsExactly("/cache/pip");
        assertThat(targets("FROM debian\nARG GOPATH=/work\nENV GOPATH=$GOPATH\nRUN go mod download\n"))
                .containsExactly("/work/pkg/mod", "/root/.cache/go-build");
        // the stage it builds on sets the variable
        assertThat(targets("FROM node:22 AS base\nENV npm_config_cache=/npm\nFROM base\nRUN npm ci\n"))
                .containsExactly("/npm");
    }

    @Test
    void aRunWithSeveralManagersGetsOneFindingWithEveryCache() {
        assertThat(targets("FROM debian\nRUN pip install -r r.txt && npm ci && pip install .\n"))
                .containsExactly("/root/.cache/pip", "/root/.npm");
    }

    @Test
    void aCacheMountAlreadyThereIsEnoughAndOnlyTheMissingOneIsAsked() {
        assertThat(lint(rule, "FROM debian\nRUN --mount=type=cache,target=/root/.npm npm ci\n")).isEmpty();
        assertThat(lint(rule, "FROM debian\nRUN --mount=type=cache,target=/root/.cache npm ci && pip install .\n"))
                .singleElement().satisfies(f -> assertThat(f.properties().get(DependencyDownloadWithoutCacheMount.TARGETS))
                        .isEqualTo(List.of("/root/.npm")));
    }

    @Test
    void aNonRootUserOrNoCacheAtAllIsNotReported() {
        assertThat(lint(rule, "FROM node:22\nUSER node\nRUN npm ci\n")).isEmpty();
        assertThat(lint(rule, "FROM node:22 AS base\nUSER 1000\nFROM base\nRUN npm ci\n")).isEmpty();
        assertThat(lint(rule, "FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r r.txt\n")).isEmpty();
        assertThat(lint(rule, "FROM ruby:3.3\nRUN bundle install\n")).isEmpty();
        assertThat(lint(rule, "FROM debian\nRUN npm --version && pip install flask\n")).isEmpty();
    }

    @Test
    void userRootAgainOrUserLaterStillCount() {
        assertThat(lint(rule, "FROM node:22\nUSER node\nUSER root\nRUN npm ci\n")).hasSize(1);
        assertThat(lint(rule, "FROM node:22\nRUN npm ci\nUSER node\n")).hasSize(1);
        assertThat(lint(rule, "FROM node:22\nUSER 0:0\nRUN npm ci\n")).hasSize(1);
    }
}
