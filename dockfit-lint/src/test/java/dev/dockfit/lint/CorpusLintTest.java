package dev.dockfit.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule, opt-in ones included, over every Dockerfile of ../shared/corpus: no exception, no DF000. */
class CorpusLintTest {

    @Test
    void everyCorpusFileLintsWithoutCrashOrParseError() throws Exception {
        Path corpus = Path.of(System.getProperty("dockfit.root", "..")).resolve("../shared/corpus/dockerfiles").normalize();
        assumeTrue(Files.isDirectory(corpus), "SKIPPED: " + corpus + " is absent (needs ../shared/corpus)");
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(p -> p.getFileName().toString().endsWith("Dockerfile")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(200);
        Set<String> all = AllRules.infos().stream().map(RuleInfo::id).collect(Collectors.toSet());
        LintConfig everything = new LintConfig(Set.of(), all, Map.of(), Severity.STYLE, List.of(), Map.of(), true);
        Linter linter = Linter.withAllRules(everything);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> perRule = new TreeMap<>();
        for (Path f : files) {
            try {
                LintResult r = linter.lint(f.getFileName().toString(), Files.readAllBytes(f), corpus);
                for (Finding x : r.findings()) {
                    perRule.merge(x.rule(), 1, Integer::sum);
                    if (x.rule().equals("DF000")) problems.add(f.getFileName() + ": " + x.message());
                }
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(f.getFileName() + ": " + e);
            }
        }
        System.out.println("corpus findings per rule over " + files.size() + " files: " + perRule);
        assertThat(problems).isEmpty();
    }
}
