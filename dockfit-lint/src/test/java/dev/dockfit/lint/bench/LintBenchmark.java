package dev.dockfit.lint.bench;

import dev.dockfit.dockerfile.parser.DockerfileParseException;
import dev.dockfit.dockerfile.parser.DockerfileParser;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.dockerfile.shell.ShellParser;
import dev.dockfit.lint.LintConfig;
import dev.dockfit.lint.Linter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * file (parse, model, every default rule, inline ignores); {@code shellScripts} is the shell analysis of every
 * shell-form RUN of the corpus (the scripts lintCorpus has analysed once per file). RuleCost splits the rules'
 * share by rule.
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
    /** The text of every shell-form RUN of the corpus. */
    List<String> runScripts;

    @Setup
    public void load() throws IOException, DockerfileParseException {
        corpus = CorpusFiles.load();
        linter = Linter.withAllRules(LintConfig.DEFAULT);
        runScripts = new ArrayList<>();
        for (byte[] f : corpus.contents()) {
            for (Instruction in : DockerfileParser.parse("Dockerfile", f).instructions()) {
                if (in.is("RUN") && !in.isJson()) runScripts.add(in.argsText().text());
            }
        }
    }

    @Benchmark
    public void parseAndModel(Blackhole bh) throws DockerfileParseException {
        for (byte[] f : corpus.contents()) bh.consume(BuildModel.of(DockerfileParser.parse("Dockerfile", f)));
    }

    @Benchmark
    public void shellScripts(Blackhole bh) {
        for (int i = 0; i < runScripts.size(); i++) bh.consume(ShellParser.parse(runScripts.get(i)));
    }

    @Benchmark
    public void lintCorpus(Blackhole bh) {
        for (int i = 0; i < corpus.names().size(); i++) {
            bh.consume(linter.lint(corpus.names().get(i), corpus.contents().get(i), corpus.dir()));
        }
    }
}
