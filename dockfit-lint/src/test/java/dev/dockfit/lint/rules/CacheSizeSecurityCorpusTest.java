package dev.dockfit.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.AllRules;
import dev.dockfit.lint.LintConfig;
import dev.dockfit.lint.LintResult;
import dev.dockfit.lint.Linter;
import dev.dockfit.lint.RuleInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer-cache, image-size and security rules (opt-in ones included) over the real-world corpus in
 * ../shared/corpus/dockerfiles: no crash, positions inside the file, and the true and false positives found
 * while tuning the rules stay as they are.
 */
class CacheSizeSecurityCorpusTest {
    private static final Map<String, List<Finding>> BY_FILE = new HashMap<>();

    @BeforeAll
    static void lintCorpus() throws Exception {
        String prop = System.getProperty("dockfit.root");
        Path root = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath().getParent();
        Path corpus = root.resolve("../shared/corpus/dockerfiles").normalize();
        Assumptions.assumeTrue(Files.isDirectory(corpus),
                "SKIPPED: corpus not found at " + corpus + " (needs ../shared next to the repository)");
        Set<String> ours = AllRules.infos().stream().map(RuleInfo::id)
                .filter(id -> id.compareTo("DF300") >= 0 && id.compareTo("DF600") < 0).collect(Collectors.toSet());
        Set<String> others = AllRules.infos().stream().map(RuleInfo::id)
                .filter(id -> !ours.contains(id)).collect(Collectors.toSet());
        Linter linter = Linter.withAllRules(
                new LintConfig(others, ours, Map.of(), Severity.STYLE, List.of(), Map.of(), true));
        Path context = Files.createTempDirectory("dockfit-corpus-context");
        try (var files = Files.list(corpus)) {
            for (Path p : files.sorted().toList()) {
                byte[] bytes = Files.readAllBytes(p);
                LintResult r = linter.lint(p.getFileName().toString(), bytes, context);
                long lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().count();
                for (Finding f : r.findings()) {
                    assertThat(f.location().line()).as("%s %s", p.getFileName(), f.rule()).isBetween(1, (int) lines);
                }
                BY_FILE.put(p.getFileName().toString(), new ArrayList<>(r.findings()));
            }
        } finally {
            Files.deleteIfExists(context);
        }
        assertThat(BY_FILE).hasSizeGreaterThan(200);
    }

    private static List<String> rulesAt(String file, int line) {
        assertThat(BY_FILE).as("corpus file %s", file).containsKey(file);
        return BY_FILE.get(file).stream().filter(f -> f.location().line() == line).map(Finding::rule).toList();
    }

    private static List<String> rules(String file) {
        assertThat(BY_FILE).as("corpus file %s", file).containsKey(file);
        return BY_FILE.get(file).stream().map(Finding::rule).toList();
    }

    @Test
    void truePositivesStay() {
        assertThat(rulesAt("jessfraz__dockerfiles__consul__Dockerfile.Dockerfile", 24)).contains("DF504");
        assertThat(rulesAt("GoogleContainerTools__distroless__examples__nodejs__Dockerfile.Dockerfile", 5))
                .contains("DF300");
        assertThat(rulesAt("docker__cli__e2e__testdata__Dockerfile.connhelper-ssh.Dockerfile", 21)).contains("DF505");
        assertThat(rulesAt("kubernetes__examples___archived__storage__mysql-galera__image__Dockerfile.Dockerfile", 25))
                .contains("DF301");
    }

    @Test
    void tunedFalsePositivesStayAway() {
        // apt-get dist-clean removes the lists
        assertThat(rules("docker-library__python__3.13__slim-trixie__Dockerfile.Dockerfile")).doesNotContain("DF401");
        // apk add --no-network downloads nothing
        assertThat(rules("docker-library__redis__7.2__alpine__Dockerfile.Dockerfile")).doesNotContain("DF402");
        // old npm: npm cache clear
        assertThat(rules("docker-library__node__0.10__Dockerfile.Dockerfile")).doesNotContain("DF404");
        // a local file: repository and locally built apks
        assertThat(rules("nginxinc__docker-nginx__mainline__debian__Dockerfile.Dockerfile")).doesNotContain("DF503");
        assertThat(rules("nginxinc__docker-nginx__modules__Dockerfile.alpine.Dockerfile")).doesNotContain("DF503");
        // ENV GPG_KEY is a public key fingerprint
        assertThat(rules("docker-library__python__3.13__slim-trixie__Dockerfile.Dockerfile")).doesNotContain("DF500");
    }

    @Test
    void oneDependencyFindingPerStageAndManager() {
        assertThat(rules("GoogleContainerTools__distroless__examples__go__Dockerfile.Dockerfile")
                .stream().filter("DF300"::equals)).hasSize(1);
    }
}
