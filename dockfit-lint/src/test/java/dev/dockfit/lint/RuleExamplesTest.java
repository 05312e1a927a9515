package dev.dockfit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.finding.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule's documented bad example triggers it and its good example does not. Examples are linted as
 * if each Dockerfile sat alone in an empty directory (its build context: no .dockerignore, no other file).
 */
class RuleExamplesTest {
    @TempDir
    static Path emptyContext;

    private static List<Finding> run(Rule rule, String dockerfile) {
        RuleInfo info = rule.info();
        LintConfig config = new LintConfig(Set.of(), Set.of(info.id()), java.util.Map.of(),
                dev.dockfit.finding.Severity.STYLE, List.of("docker.io"), java.util.Map.of(), true);
        LintResult r = new Linter(List.of(rule), config)
                .lint("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), emptyContext);
        assertThat(r.dockerfile()).as("example of %s parses", info.id()).isNotNull();
        return r.findings();
    }

    @TestFactory
    Stream<DynamicTest> badExamplesAreReported() {
        return AllRules.all().stream().map(rule -> DynamicTest.dynamicTest(rule.info().id() + " bad", () ->
                assertThat(run(rule, rule.info().bad())).as(rule.info().title())
                        .anySatisfy(f -> assertThat(f.rule()).isEqualTo(rule.info().id()))));
    }

    @TestFactory
    Stream<DynamicTest> goodExamplesAreClean() {
        return AllRules.all().stream().map(rule -> DynamicTest.dynamicTest(rule.info().id() + " good", () ->
                assertThat(run(rule, rule.info().good())).as(rule.info().title()).isEmpty()));
    }

    @Test
    void idsAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (RuleInfo i : AllRules.infos()) {
            assertThat(i.id()).matches("DF\\d{3}");
            assertThat(seen.add(i.id())).as("duplicate id %s", i.id()).isTrue();
            assertThat(i.title()).isNotBlank();
            assertThat(i.why()).isNotBlank();
        }
    }

    @Test
    void parseErrorsBecomeDf000() {
        LintResult r = Linter.withAllRules(LintConfig.DEFAULT)
                .lint("Dockerfile", "FROM a\nENV PATH\n".getBytes(StandardCharsets.UTF_8), null);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("DF000");
            assertThat(f.location().line()).isEqualTo(2);
        });
    }
}
