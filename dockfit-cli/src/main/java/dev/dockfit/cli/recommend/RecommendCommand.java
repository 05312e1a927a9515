package dev.dockfit.cli.recommend;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.ImageAccessOptions;
import dev.dockfit.cli.Json;
import dev.dockfit.cli.UserError;
import dev.dockfit.image.ImageException;
import dev.dockfit.image.ImageSource;
import dev.dockfit.image.analysis.AnalysisOptions;
import dev.dockfit.vuln.scan.LayerInventoryCache;
import dev.dockfit.vuln.store.StoreException;
import dev.dockfit.vuln.store.StoreStatus;
import dev.dockfit.vuln.store.VulnStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dockfit recommend IMAGE-REF}: better tags of the same repository, each scanned. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Propose minor and major upgrades and alternative image types (slim, alpine, distroless ...) of an image's "
                + "repository, from the registry's tag list, with each candidate's compressed size and vulnerability counts "
                + "found by scanning it (results cached by manifest digest)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:recommendations shown", "2:usage error",
                "3:the registry or the vulnerability database cannot be read (or the database is empty)"})
public final class RecommendCommand implements Callable<Integer> {
    enum Format { tty, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE-REF", description = "[docker://]registry/repository[:tag] (tag default: latest)")
    String image;

    @Option(names = {"-f", "--format"}, defaultValue = "tty", description = "tty or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--db-dir", paramLabel = "DIR", description = "vulnerability database directory (default: the user cache dir)")
    Path dbDir;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "scan results by manifest digest (default: ~/.cache/dockfit/scans)")
    Path cacheDir;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "100", description = "tags asked per registry request (default: ${DEFAULT-VALUE})")
    int pageSize;

    @Mixin
    ImageAccessOptions access;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    @Override
    public Integer call() {
        if (pageSize < 1) throw new UserError(ExitCodes.USAGE, "dockfit recommend: --page-size must be at least 1");
        ImageSource.Options options = access.sourceOptions("recommend");
        Path db = dbDir != null ? dbDir : VulnStore.defaultDirectory();
        if (!Files.isDirectory(db)) {
            throw new UserError(ExitCodes.IO, "dockfit recommend: no vulnerability database in " + db
                    + ": run 'dockfit db update' (or 'dockfit db import PATH' offline)");
        }
        try (VulnStore store = VulnStore.open(db)) {
            Recommender recommender = recommender(store, options, cacheDir,
                    new LayerInventoryCache(LayerInventoryCache.defaultDirectory(db)), pageSize);
            Recommender.Recommendations r = recommender.recommend(image);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) Json.write(out, RecommendationsJson.toJson(r));
            else RecommendationsTty.print(r, out);
            out.flush();
            return ExitCodes.OK;
        } catch (StoreException e) {
            throw new UserError(ExitCodes.IO, "dockfit recommend: " + e.getMessage(), e);
        } catch (ImageException e) {
            throw new UserError(ExitCodes.IO, "dockfit recommend: " + e.getMessage(), e);
        }
    }

    /** A recommender over an open, non-empty store; shared with {@code dockfit scan}. */
    public static Recommender recommender(VulnStore store, ImageSource.Options options, Path cacheDir,
                                          LayerInventoryCache layers, int pageSize)
            throws StoreException {
        StoreStatus status = store.status();
        if (status.records() == 0) {
            throw new UserError(ExitCodes.IO, "dockfit: the vulnerability database " + store.file()
                    + " is empty: run 'dockfit db update' (or 'dockfit db import PATH' offline)");
        }
        String stamp = status.records() + "@" + status.sources().stream().map(StoreStatus.Source::importedAt)
                .max(Comparator.naturalOrder()).map(Instant::toString).orElse("");
        Path dir = cacheDir != null ? cacheDir : ScanCache.defaultDirectory(VulnStore.defaultDirectory());
        return new Recommender(options, store, new ScanCache(dir, stamp), layers, pageSize,
                AnalysisOptions.defaultThreads());
    }
}
