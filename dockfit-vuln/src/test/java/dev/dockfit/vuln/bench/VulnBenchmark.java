package dev.dockfit.vuln.bench;

import dev.dockfit.image.packages.DpkgDatabase;
import dev.dockfit.image.packages.OsInfo;
import dev.dockfit.image.packages.Package;
import dev.dockfit.vuln.match.MatchResult;
import dev.dockfit.vuln.match.Matcher;
import dev.dockfit.vuln.store.ImportStats;
import dev.dockfit.vuln.store.OsvArchives;
import dev.dockfit.vuln.store.StoreException;
import dev.dockfit.vuln.store.VulnStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Store import and matching over ../shared/vulndata: importing the largest shared ecosystem set (Maven,
 * 432 GHSA records) into an empty store; matching the 88 packages of the Debian 12 minbase against a
 * warm store; and, as the baseline of the same run, parsing that dpkg status file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VulnBenchmark {

    @Param("../shared/vulndata")
    public String vulndata;

    private Path tmp;
    private VulnStore importTarget;
    private VulnStore warm;
    private byte[] status;
    private List<Package> minbase;
    private Matcher matcher;
    private final OsInfo bookworm = new OsInfo("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)", "12 (bookworm)");

    @Setup(Level.Trial)
    public void load() throws IOException, StoreException {
        tmp = Files.createTempDirectory("dockfit-vuln-bench");
        warm = VulnStore.open(tmp.resolve("warm"));
        OsvArchives.importPath(warm, Path.of(vulndata, "osv-records"));
        OsvArchives.importPath(warm, Path.of(vulndata, "debian12-derived/osv"));
        status = Files.readAllBytes(Path.of(vulndata, "debian12-derived/status-minbase"));
        minbase = DpkgDatabase.parse(status, "var/lib/dpkg/status", bookworm);
        matcher = new Matcher(warm);
    }

    @Setup(Level.Invocation)
    public void emptyStore() throws IOException, StoreException {
        if (importTarget != null) importTarget.close();
        Path dir = Files.createTempDirectory(tmp, "import");
        importTarget = VulnStore.open(dir);
    }

    @TearDown(Level.Trial)
    public void cleanUp() throws IOException, StoreException {
        if (importTarget != null) importTarget.close();
        warm.close();
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Benchmark
    public ImportStats importMaven() throws StoreException {
        return OsvArchives.importPath(importTarget, Path.of(vulndata, "osv-records/maven"));
    }

    @Benchmark
    public MatchResult matchDebianMinbase() {
        return matcher.match(bookworm, minbase);
    }

    @Benchmark
    public List<Package> baselineParseDpkgStatus() {
        return DpkgDatabase.parse(status, "var/lib/dpkg/status", bookworm);
    }
}
