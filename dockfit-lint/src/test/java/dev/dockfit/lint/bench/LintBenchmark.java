package dev.dockfit.lint.bench;

import dev.dockfit.dockerfile.parser.DockerfileParseException;
import dev.dockfit.dockerfile.parser.DockerfileParser;
import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.lint.LintConfig;
import dev.dockfit.lint.Linter;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Lint throughput in a warm JVM over ../shared/corpus/dockerfiles: one operation handles every corpus file once.
 * {@code parseAndModel} is the floor the rules add to; {@code lintCorpus} is what {@code dockfit lint} does per
 * file (parse, model, every default rule, inline ignores). RuleCost splits the rules' share by rule.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 12, time = 2) // the JIT needs about 20 s over ~90 rules before scores settle
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LintBenchmark {
    CorpusFiles corpus;
    Linter linter;

    @Setup
    public void load() throws IOException {
        corpus = CorpusFiles.load();
        linter = Linter.withAllRules(LintConfig.DEFAULT);
    }

    @Benchmark
    public void parseAndModel(Blackhole bh) throws DockerfileParseException {
        for (byte[] f : corpus.contents()) bh.consume(BuildModel.of(DockerfileParser.parse("Dockerfile", f)));
    }

    @Benchmark
    public void lintCorpus(Blackhole bh) {
        for (int i = 0; i < corpus.names().size(); i++) {
            bh.consume(linter.lint(corpus.names().get(i), corpus.contents().get(i), corpus.dir()));
        }
    }
}
