package dev.dockfit.image.analysis;

import dev.dockfit.image.fs.CaptureRule;
import dev.dockfit.image.fs.ContentVisitor;
import java.nio.file.Path;
import java.util.List;

/**
 * How to analyse an image.
 *
 * @param captureRules extra files whose content later analyses need (package databases ...); the analyzer adds
 *                     its own (/etc/passwd, /etc/group, secret candidates)
 * @param visitors     consumers of file content streamed during the walk (large or numerous files)
 * @param dockerfile   the Dockerfile that built the image, to attribute layers to lines; may be null
 * @param diveCi       dive CI thresholds to evaluate; may be null
 * @param threads      layers read at once (at least 1)
 * @param progress     told after each layer is read; may be null
 */
public record AnalysisOptions(List<CaptureRule> captureRules, List<ContentVisitor> visitors, Path dockerfile, DiveCi diveCi, int threads,
                              Progress progress) {

    /** Receives layer-read progress (from the reading threads). */
    public interface Progress {
        void layerRead(int layersDone, int layersTotal, long bytesDone);
    }

    public AnalysisOptions {
        captureRules = captureRules == null ? List.of() : List.copyOf(captureRules);
        visitors = visitors == null ? List.of() : List.copyOf(visitors);
        threads = Math.max(1, threads);
    }

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(List.of(), List.of(), null, null, defaultThreads(), null);
    }

    /** Bounded: inflate is CPU-bound, more threads than cores only add memory. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }
}
