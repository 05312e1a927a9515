package dev.dockfit.cli.scan;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.Json;
import dev.dockfit.cli.UserError;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockfit.cli.recommend.RecommendCommand;
import dev.dockfit.cli.recommend.RecommendationsJson;
import dev.dockfit.cli.recommend.RecommendationsTty;
import dev.dockfit.cli.recommend.Recommender;
import dev.dockfit.cli.report.Sarif;
import dev.dockfit.image.ImageException;
import dev.dockfit.finding.Finding;
import dev.dockfit.vuln.match.VulnFindings;
import dev.dockfit.vuln.match.VulnMatch;
import dev.dockfit.vuln.match.VulnSeverity;
import dev.dockfit.vuln.scan.IgnoreRules;
import dev.dockfit.vuln.scan.Inventory;
import dev.dockfit.vuln.scan.LayerInventoryCache;
import dev.dockfit.vuln.scan.ScanOptions;
import dev.dockfit.vuln.scan.ScanResult;
import dev.dockfit.vuln.store.StoreException;
import dev.dockfit.vuln.store.StoreStatus;
import dev.dockfit.vuln.store.VulnStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dockfit scan SOURCE}: known vulnerabilities of an image's packages, from the local OSV database. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scan an image's OS and language packages for known vulnerabilities (offline, from the local OSV database; "
                + "fill it with 'dockfit db update' or 'dockfit db import')."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no vulnerability at or above --fail-on (or no --fail-on)",
                "1:a reported vulnerability at or above --fail-on",
                "2:usage error (unknown option or severity, malformed ignore file)",
                "3:the image or the database cannot be read, or the database is empty"})
public final class ScanCommand implements Callable<Integer> {
    enum Format { tty, json, sarif, cyclonedx }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "archive path, OCI layout directory, or docker://host[:port]/repo[:tag|@digest]")
    String source;

    @Option(names = {"-f", "--format"}, defaultValue = "tty", description = "tty, json, sarif or cyclonedx (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report here instead of stdout")
    Path output;

    @Option(names = "--severity", split = ",", paramLabel = "SEVERITY",
            description = "only report these severities (comma-separated: critical,high,medium,low,unknown)")
    List<String> severities = List.of();

    @Option(names = "--ignore-unfixed", description = "do not report vulnerabilities without a known fix")
    boolean ignoreUnfixed;

    @Option(names = "--ignore-file", paramLabel = "FILE", description = "YAML list of accepted vulnerabilities (see docs/scan.md)")
    Path ignoreFile;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "exit 1 when a reported vulnerability has this severity or worse (critical, high, medium, low, unknown)")
    String failOn;

    @Option(names = "--offline", description = "no registry look-ups for base image recommendations (a scan never downloads vulnerability data either way)")
    boolean offline;

    @Option(names = "--db-dir", paramLabel = "DIR", description = "database directory (default: the user cache dir, e.g. ~/.cache/dockfit/vulndb)")
    Path dbDir;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "recommendations: scan results by manifest digest (default: ~/.cache/dockfit/scans)")
    Path cacheDir;

    @Mixin
    ImageInputOptions input;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    @Override
    public Integer call() {
        VulnSeverity threshold = null;
        Set<VulnSeverity> shown = EnumSet.noneOf(VulnSeverity.class);
        try {
            if (failOn != null) threshold = VulnSeverity.parse(failOn);
            for (String s : severities) shown.add(VulnSeverity.parse(s));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "dockfit scan: " + e.getMessage());
        }
        IgnoreRules ignores = IgnoreRules.NONE;
        if (ignoreFile != null) {
            if (!Files.isReadable(ignoreFile)) throw new UserError(ExitCodes.IO, "dockfit scan: " + ignoreFile + ": cannot read ignore file");
            try {
                ignores = IgnoreRules.read(ignoreFile);
            } catch (IOException e) {
                throw new UserError(ExitCodes.USAGE, "dockfit scan: " + e.getMessage());
            }
        }
        ScanOptions options = new ScanOptions(shown, ignoreUnfixed, ignores, LocalDate.now());
        PrintWriter err = spec.commandLine().getErr();
        Path dir = dbDir != null ? dbDir : VulnStore.defaultDirectory();
        try (VulnStore store = openStore(dir)) {
            StoreStatus status = store.status();
            if (status.records() == 0) {
                throw new UserError(ExitCodes.IO, "dockfit scan: the vulnerability database " + store.file()
                        + " is empty: run 'dockfit db update' (or 'dockfit db import PATH' offline)");
            }
            if (status.isStale(Instant.now())) {
                err.println("warning: vulnerability data imported " + status.oldestImport() + " is older than "
                        + StoreStatus.STALE_AFTER.toDays() + " days; run 'dockfit db update'");
                err.flush();
            }
            LayerInventoryCache layers = input.layerCache(dir);
            Inventory inventory = input.inventory("scan", source, layers);
            ScanResult result = ScanResult.scan(inventory, store, options);
            Recommender.Recommendations advice = recommendations(store, layers);
            write(result, status, advice);
            if (threshold == null) return ExitCodes.OK;
            for (VulnMatch m : result.matches()) {
                if (m.severity().severity().atLeast(threshold)) return ExitCodes.FINDINGS;
            }
            return ExitCodes.OK;
        } catch (StoreException e) {
            throw new UserError(ExitCodes.IO, "dockfit scan: " + e.getMessage(), e);
        }
    }

    private VulnStore openStore(Path dir) throws StoreException {
        if (!Files.isDirectory(dir)) {
            throw new UserError(ExitCodes.IO, "dockfit scan: no vulnerability database in " + dir
                    + ": run 'dockfit db update' (or 'dockfit db import PATH' offline)");
        }
        return VulnStore.open(dir);
    }

    /** The base-image advice of {@code dockfit recommend}, for a registry image whose registry answers; else null. */
    private Recommender.Recommendations recommendations(VulnStore store, LayerInventoryCache layers) throws StoreException {
        if (offline || !source.startsWith("docker://")) return null;
        try {
            return RecommendCommand.recommender(store, input.sourceOptions("scan"), cacheDir, layers, 100).recommend(source);
        } catch (ImageException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("dockfit scan: no base image recommendations: " + e.getMessage());
            err.flush();
            return null;
        }
    }

    private void write(ScanResult result, StoreStatus status, Recommender.Recommendations advice) {
        try (Writer w = output == null ? null : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            PrintWriter out = w == null ? spec.commandLine().getOut() : new PrintWriter(w);
            switch (format) {
                case tty -> {
                    ScanTty.print(result, source, out);
                    if (advice != null) {
                        out.println();
                        RecommendationsTty.print(advice, out);
                    }
                }
                case json -> {
                    ObjectNode json = ScanJson.toJson(result, source, status);
                    if (advice != null) json.set("recommendations", RecommendationsJson.toJson(advice));
                    Json.write(out, json);
                }
                case sarif -> Json.write(out, Sarif.log(findings(result), version(), Map.of(VulnFindings.RULE, "Known vulnerability in an installed package")));
                case cyclonedx -> Json.write(out, CycloneDx.bom(result.inventory(), source, version(), result.matches()));
            }
            out.flush();
        } catch (IOException e) {
            throw new UserError(ExitCodes.IO, "dockfit scan: cannot write " + (output == null ? "output" : output) + " (" + e.getMessage() + ")");
        }
    }

    private List<Finding> findings(ScanResult result) {
        List<Finding> out = new ArrayList<>();
        for (VulnMatch m : result.matches()) out.add(VulnFindings.toFinding(m, source));
        return out;
    }

    static String version() {
        String v = ScanCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
