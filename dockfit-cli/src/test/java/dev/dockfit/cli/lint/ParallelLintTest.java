package dev.dockfit.cli.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockfit.cli.CliRun;
import dev.dockfit.cli.ExitCodes;
import dev.dockfit.testdata.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Linting many files on several threads gives exactly what one thread gives, in the same order. */
class ParallelLintTest {

    @Test
    void theCorpusLintedOnFourThreadsGivesTheSameReportsAsOnOne() throws Exception {
        Path corpus = SharedData.require("corpus/dockerfiles");
        for (String format : List.of("json", "gnu")) {
            CliRun one = CliRun.of("lint", "--format", format, "--jobs", "1", corpus.toString());
            CliRun four = CliRun.of("lint", "--format", format, "--jobs", "4", corpus.toString());
            assertThat(one.exitCode()).as(one.err()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(four.exitCode()).isEqualTo(one.exitCode());
            assertThat(four.err()).isEqualTo(one.err());
            assertThat(four.out()).as(format).isEqualTo(one.out());
        }
        JsonNode report = new ObjectMapper().readTree(
                CliRun.of("lint", "--format", "json", "--jobs", "3", corpus.toString()).out());
        assertThat(report.path("summary").path("files").asInt()).isGreaterThan(200);
        assertThat(report.path("summary").path("findings").asInt()).isGreaterThan(1000);
    }

    @Test
    void resultsComeBackInInputOrderWhateverFinishesFirst() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        List<String> out = InOrderParallel.map(items, 4, i -> {
            if (i % 7 == 0) sleep(2); // some items take longer, so threads finish out of order
            return "item " + i;
        });
        List<String> expected = new ArrayList<>();
        for (int i : items) expected.add("item " + i);
        assertThat(out).isEqualTo(expected);
    }

    @Test
    void aFailureOnAnyThreadReachesTheCaller() {
        List<Integer> items = IntStream.range(0, 100).boxed().toList();
        assertThatThrownBy(() -> InOrderParallel.map(items, 3, i -> {
            if (i == 57) throw new IllegalStateException("boom at " + i);
            return i;
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom at 57");
    }

    @Test
    void jobsBelowOneIsAUsageError() {
        CliRun r = CliRun.of("lint", "--jobs", "0", "-");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo("dockfit lint: --jobs must be at least 1, not 0");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
