package dev.dockfit.lint.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockfit.finding.Severity;
import dev.dockfit.lint.AllRules;
import dev.dockfit.lint.LintConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and reading .dockfit.yaml / .hadolint.yaml, flags on top, one-line errors with the line. */
class LintConfigsTest {
    @TempDir
    Path tmp;

    private Path write(String rel, String text) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private LintConfigs configs(Path explicit, ConfigOverrides o) {
        return new LintConfigs(explicit, new ConfigSearch(tmp.resolve("user-config")), o, AllRules.infos());
    }

    private LintConfig forDir(String rel) throws ConfigException {
        return configs(null, ConfigOverrides.NONE).forDirectory(tmp.resolve(rel));
    }

    @Test
    void readsEveryKey() throws Exception {
        write("repo/.git/HEAD", "");
        write("repo/.dockfit.yaml", """
                ignore: [DF001]
                enable: DF400
                severity:
                  DF400: error
                failure-threshold: info
                trusted-registries: [ghcr.io, docker.io]
                inline-ignores: false
                rules:
                  DF400:
                    allow: [curl]
                    max: 3
                """);
        LintConfig c = forDir("repo/svc/api");
        assertThat(c.ignored()).containsExactly("DF001");
        assertThat(c.enabled()).containsExactly("DF400");
        assertThat(c.severities()).containsEntry("DF400", Severity.ERROR);
        assertThat(c.failureThreshold()).isEqualTo(Severity.INFO);
        assertThat(c.trustedRegistries()).containsExactly("ghcr.io", "docker.io");
        assertThat(c.inlineIgnores()).isFalse();
        assertThat(c.options("DF400")).isEqualTo(Map.of("allow", List.of("curl"), "max", 3));
    }

    @Test
    void nearestFileWinsAndTheSearchStopsAtTheRepositoryRoot() throws Exception {
        write("outer/.dockfit.yaml", "ignore: [DF001]\n");
        write("outer/repo/.git/HEAD", "");
        write("outer/repo/a/.dockfit.yaml", "ignore: [DF400]\n");
        assertThat(forDir("outer/repo/a/b").ignored()).containsExactly("DF400");
        assertThat(forDir("outer/repo/c").ignored()).as("the config above the repository is not used").isEmpty();
        assertThat(forDir("elsewhere").ignored()).isEmpty();
        write("user-config/dockfit/config.yaml", "failure-threshold: error\n");
        assertThat(forDir("outer/repo/c").failureThreshold()).isEqualTo(Severity.ERROR);
        assertThat(forDir("outer/repo/a").failureThreshold()).as("a project file wins").isEqualTo(Severity.WARNING);
    }

    @Test
    void hadolintConfigMapsItsIdsWhenThereIsNoDockfitConfig() throws Exception {
        write("repo/.git/HEAD", "");
        write("repo/.hadolint.yaml", """
                ignored: [DL3015, DL9999]
                override:
                  error: [DL3015]
                trustedRegistries: [my.registry:5000]
                failure-threshold: error
                no-color: true
                """);
        LintConfig c = forDir("repo/x");
        assertThat(c.ignored()).containsExactly("DF400"); // DF400 declares DL3015; DL9999 maps to nothing
        assertThat(c.severities()).containsEntry("DF400", Severity.ERROR);
        assertThat(c.trustedRegistries()).containsExactly("my.registry:5000");
        assertThat(c.failureThreshold()).isEqualTo(Severity.ERROR);

        write("repo/.dockfit.yaml", "enable: [DF400]\n");
        assertThat(forDir("repo/x").ignored()).as("a dockfit config shadows hadolint's").isEmpty();
    }

    @Test
    void hadolintNoneAndNoFailNeverFail() throws Exception {
        Path h = write("h/.hadolint.yaml", "failure-threshold: none\n");
        assertThat(configs(h, ConfigOverrides.NONE).forDirectory(null).failureThreshold()).isNull();
        Path n = write("n/.hadolint.yml", "no-fail: true\n");
        assertThat(configs(null, ConfigOverrides.NONE).forDirectory(n.getParent()).failureThreshold()).isNull();
    }

    @Test
    void flagsApplyOnTop() throws Exception {
        Path f = write("c/cfg.yaml", "ignore: [DF001, DF400]\ntrusted-registries: [a.io]\n");
        ConfigOverrides o = new ConfigOverrides(Set.of("DF000"), Set.of("DF400"), List.of("b.io"), Severity.STYLE,
                false, true);
        LintConfig c = configs(f, o).forDirectory(tmp);
        assertThat(c.ignored()).containsExactlyInAnyOrder("DF001", "DF000");
        assertThat(c.enabled()).containsExactly("DF400");
        assertThat(c.trustedRegistries()).containsExactly("a.io", "b.io");
        assertThat(c.failureThreshold()).isEqualTo(Severity.STYLE);
        assertThat(c.inlineIgnores()).isFalse();
        assertThat(configs(null, o).forDirectory(tmp.resolve("none")).ignored()).containsExactly("DF000");
    }

    @Test
    void errorsAreOneLineWithFileAndLine() throws Exception {
        Path unknownKey = write("e1/.dockfit.yaml", "ignore: [DF001]\nignroe: [DF400]\n");
        assertThatThrownBy(() -> configs(unknownKey, ConfigOverrides.NONE).forDirectory(tmp))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(unknownKey + ":2: unknown key 'ignroe'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Path badSeverity = write("e2/.dockfit.yaml", "severity:\n  DF001: fatal\n");
        assertThatThrownBy(() -> configs(badSeverity, ConfigOverrides.NONE).forDirectory(tmp))
                .hasMessageStartingWith(badSeverity + ":2: severity.DF001: unknown severity 'fatal'");
        Path unknownRule = write("e3/.dockfit.yaml", "\nenable:\n  - DF999\n");
        assertThatThrownBy(() -> configs(unknownRule, ConfigOverrides.NONE).forDirectory(tmp))
                .hasMessage(unknownRule + ":3: enable: unknown rule 'DF999'");
        Path badYaml = write("e4/.dockfit.yaml", "ignore: [DF001\nenable: x\n");
        assertThatThrownBy(() -> configs(badYaml, ConfigOverrides.NONE).forDirectory(tmp))
                .hasMessageStartingWith(badYaml + ":")
                .hasMessageContaining("invalid YAML")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Path notAMap = write("e5/.dockfit.yaml", "- DF001\n");
        assertThatThrownBy(() -> configs(notAMap, ConfigOverrides.NONE).forDirectory(tmp))
                .hasMessage(notAMap + ":1: expected a mapping of keys");
        Path missing = tmp.resolve("nope.yaml");
        assertThatThrownBy(() -> configs(missing, ConfigOverrides.NONE).forDirectory(tmp))
                .hasMessage(missing + ": no such file")
                .satisfies(e -> assertThat(((ConfigException) e).isIo()).isTrue());
    }

    @Test
    void emptyFileIsTheDefault() throws Exception {
        Path f = write("empty/.dockfit.yaml", "");
        assertThat(configs(f, ConfigOverrides.NONE).forDirectory(tmp)).isEqualTo(LintConfig.DEFAULT);
    }
}
