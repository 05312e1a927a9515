package dev.dockfit.dockerfile.bench;

import dev.dockfit.dockerfile.parser.DockerfileParseException;
import dev.dockfit.dockerfile.parser.DockerfileParser;
import dev.dockfit.dockerfile.semantic.BuildModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** Parse throughput over ../shared/corpus/dockerfiles: one operation parses every file of the corpus once. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {
    @Param("../shared/corpus/dockerfiles")
    public String corpus;

    List<byte[]> files;

    @Setup
    public void load() throws IOException {
        files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(corpus))) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && !n.endsWith(".md") && !n.endsWith(".tsv")) files.add(Files.readAllBytes(p));
            }
        }
        if (files.isEmpty()) throw new IllegalStateException("no Dockerfiles in " + corpus);
    }

    @Benchmark
    public void parseCorpus(Blackhole bh) throws DockerfileParseException {
        for (byte[] f : files) bh.consume(DockerfileParser.parse("Dockerfile", f));
    }

    @Benchmark
    public void parseAndModelCorpus(Blackhole bh) throws DockerfileParseException {
        for (byte[] f : files) bh.consume(BuildModel.of(DockerfileParser.parse("Dockerfile", f)));
    }
}
