package dev.dockfit.cli.image;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.ImageAccessOptions;
import dev.dockfit.cli.UserError;
import dev.dockfit.cli.Json;
import dev.dockfit.cli.report.Sarif;
import dev.dockfit.cli.report.Thresholds;
import dev.dockfit.finding.Severity;
import dev.dockfit.image.Image;
import dev.dockfit.image.ImageException;
import dev.dockfit.image.ImageSource;
import dev.dockfit.image.analysis.AnalysisOptions;
import dev.dockfit.image.analysis.DiveCi;
import dev.dockfit.image.analysis.ImageAnalyzer;
import dev.dockfit.image.analysis.ImageReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dockfit image SOURCE}: reads an image without a daemon and reports sizes, waste, user and leftovers. */
@Command(name = "image", mixinStandardHelpOptions = true,
        description = {"Analyse a built image: docker save archive, OCI layout (directory or tar) or docker://registry/repo:tag."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-on", "1:findings at or above --fail-on",
                "2:usage error", "3:the image cannot be read (missing, corrupt, digest mismatch, registry error)"})
public final class ImageCommand implements Callable<Integer> {
    enum Format { tty, json, sarif, html }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "archive path, OCI layout directory, or docker://host[:port]/repo[:tag|@digest]")
    String source;

    @Option(names = {"-f", "--format"}, defaultValue = "tty", description = "tty, json, sarif or html (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report here instead of stdout")
    Path output;

    @Mixin
    ImageAccessOptions access;

    @Option(names = "--dockerfile", paramLabel = "FILE", description = "the Dockerfile that built the image, to name the line behind each layer")
    Path dockerfile;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "warning",
            description = "exit 1 when a finding has this severity or worse: error, warning, info, style (default: ${DEFAULT-VALUE})")
    String failOn;

    @Option(names = "--dive-ci", paramLabel = "FILE", description = "dive CI rules file (.dive-ci)")
    Path diveCiFile;

    @Option(names = "--lowest-efficiency", paramLabel = "FRACTION", description = "dive CI: fail below this efficiency (0-1)")
    String lowestEfficiency;

    @Option(names = "--highest-wasted-bytes", paramLabel = "SIZE", description = "dive CI: fail above this many wasted bytes (e.g. 20MB)")
    String highestWastedBytes;

    @Option(names = "--highest-user-wasted-percent", paramLabel = "FRACTION", description = "dive CI: fail above this wasted/user-bytes ratio (0-1)")
    String highestUserWastedPercent;

    @Option(names = "--threads", paramLabel = "N", description = "layers read at once (default: min(4, cores))")
    Integer threads;

    @Option(names = "--no-progress", description = "never show the progress line on stderr")
    boolean noProgress;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    @Override
    public Integer call() {
        Severity threshold;
        ImageSource.Options sourceOptions;
        AnalysisOptions analysisOptions;
        try {
            threshold = Severity.parse(failOn);
            sourceOptions = access.sourceOptions("image");
            analysisOptions = new AnalysisOptions(List.of(), List.of(), dockerfile, diveCi(),
                    threads != null ? threads : AnalysisOptions.defaultThreads(), progress());
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "dockfit image: " + e.getMessage());
        }
        if (dockerfile != null && !Files.isReadable(dockerfile)) {
            throw new UserError(ExitCodes.IO, "dockfit image: " + dockerfile + ": cannot read Dockerfile");
        }
        ImageReport report;
        try (Image image = ImageSource.open(source, sourceOptions)) {
            report = ImageAnalyzer.analyze(image, analysisOptions);
        } catch (ImageException e) {
            throw new UserError(ExitCodes.IO, "dockfit image: " + e.getMessage(), e);
        } finally {
            clearProgress();
        }
        write(report);
        return Thresholds.fails(report.findings(), threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private DiveCi diveCi() {
        if (diveCiFile != null) {
            try {
                DiveCi fromFile = DiveCi.read(diveCiFile);
                return new DiveCi(
                        lowestEfficiency != null ? DiveCi.of(lowestEfficiency, null, null, "--lowest-efficiency").lowestEfficiency() : fromFile.lowestEfficiency(),
                        highestWastedBytes != null ? DiveCi.of(null, highestWastedBytes, null, "--highest-wasted-bytes").highestWastedBytes() : fromFile.highestWastedBytes(),
                        highestUserWastedPercent != null ? DiveCi.of(null, null, highestUserWastedPercent, "--highest-user-wasted-percent").highestUserWastedPercent() : fromFile.highestUserWastedPercent());
            } catch (IOException e) {
                throw new UserError(ExitCodes.IO, "dockfit image: " + diveCiFile + ": cannot read (" + e.getMessage() + ")");
            }
        }
        if (lowestEfficiency == null && highestWastedBytes == null && highestUserWastedPercent == null) return null;
        return DiveCi.of(lowestEfficiency, highestWastedBytes, highestUserWastedPercent, "dive CI flags");
    }

    /** A one-line progress display on stderr, only when stderr is a terminal. */
    private AnalysisOptions.Progress progress() {
        if (noProgress || !stderrIsTerminal()) return null;
        PrintWriter err = spec.commandLine().getErr();
        return (done, total, bytes) -> {
            synchronized (this) {
                err.print("\rreading layers " + done + "/" + total + " ("
                        + dev.dockfit.image.analysis.Bytes.human(bytes) + ")   ");
                err.flush();
            }
        };
    }

    /**
     * Java has no isatty for stderr: on Linux /proc tells where fd 2 points; elsewhere a console on stdin and
     * stdout is the best available sign.
     */
    private static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.exists(fd2, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // fall through to the console check
        }
        return System.console() != null;
    }

    private void clearProgress() {
        if (noProgress || !stderrIsTerminal()) return;
        PrintWriter err = spec.commandLine().getErr();
        err.print("\r" + " ".repeat(50) + "\r");
        err.flush();
    }

    private void write(ImageReport report) {
        try (Writer w = output == null ? null : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            PrintWriter out = w == null ? spec.commandLine().getOut() : new PrintWriter(w);
            switch (format) {
                case tty -> ImageTty.print(report, out);
                case json -> Json.write(out, ImageJson.toJson(report));
                case sarif -> Json.write(out, Sarif.log(report.findings(), version(), Map.of()));
                case html -> out.print(ImageHtml.render(report));
            }
            out.flush();
        } catch (IOException e) {
            throw new UserError(ExitCodes.IO, "dockfit image: cannot write " + (output == null ? "output" : output)
                    + " (" + e.getMessage() + ")");
        }
    }

    private static String version() {
        String v = ImageCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
