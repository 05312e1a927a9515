package dev.dockfit.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.lint.LintConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DF315's fix at level all: the mount flags go first, pip's --no-cache-dir goes, DF403 steps back only then. */
class CacheMountFixTest {
    private static String fix(String dockerfile, FixLevel level, String... only) {
        return Fixing.fixed(dockerfile, level, only);
    }

    @Test
    void levelAllTurnsTheOptInRuleOnUnlessTheConfigurationIgnoresIt() {
        FixOptions all = new FixOptions(FixLevel.ALL, Set.of());
        assertThat(all.linting(LintConfig.DEFAULT).enabled()).contains("DF315");
        assertThat(FixOptions.RECOMMENDED.linting(LintConfig.DEFAULT).enabled()).doesNotContain("DF315");
        LintConfig ignoring = new LintConfig(Set.of("DF315"), Set.of(), Map.of(), null, List.of(), Map.of(), true);
        assertThat(all.linting(ignoring).enabled()).doesNotContain("DF315");
    }

    @Test
    void theMountGoesBeforeTheOtherFlagsAndTheCommandIsUntouched() {
        assertThat(fix("FROM golang:1.22 AS build\nRUN --mount=type=bind,target=/src \\\n    go build ./...\n", FixLevel.ALL, "DF315"))
                .isEqualTo("FROM golang:1.22 AS build\nRUN --mount=type=cache,target=/go/pkg/mod "
                        + "--mount=type=cache,target=/root/.cache/go-build --mount=type=bind,target=/src \\\n    go build ./...\n");
        assertThat(fix("FROM node:22-slim\nrun  npm ci\n", FixLevel.ALL, "DF315"))
                .isEqualTo("FROM node:22-slim\nrun  --mount=type=cache,target=/root/.npm npm ci\n");
    }

    @Test
    void pipLosesNoCacheDirWhichWouldKeepTheMountEmpty() {
        assertThat(fix("FROM python:3.12-slim\nRUN pip install --no-cache-dir -r r.txt && pip3 install  --no-cache-dir .\n",
                FixLevel.ALL, "DF315"))
                .isEqualTo("FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r r.txt && pip3 install .\n");
    }

    @Test
    void atLevelAllTheMountWinsOverNoCacheDirAndBelowItNoMountIsAdded() {
        String in = "FROM python:3.12-slim\nCOPY r.txt .\nRUN pip install -r r.txt\n";
        String all = fix(in, FixLevel.ALL, "DF315", "DF403");
        assertThat(all).contains("RUN --mount=type=cache,target=/root/.cache/pip pip install -r r.txt\n")
                .doesNotContain("--no-cache-dir");
        String recommended = fix(in, FixLevel.RECOMMENDED, "DF315", "DF403");
        assertThat(recommended).contains("RUN pip install --no-cache-dir -r r.txt\n").doesNotContain("--mount");
    }

    @Test
    void fixingTheFixedFileChangesNothing() {
        String once = fix("FROM node:22-slim\nRUN npm ci && pip install -r r.txt\n", FixLevel.ALL);
        assertThat(fix(once, FixLevel.ALL)).isEqualTo(once);
        assertThat(once).contains("--mount=type=cache,target=/root/.npm --mount=type=cache,target=/root/.cache/pip npm ci");
    }
}
