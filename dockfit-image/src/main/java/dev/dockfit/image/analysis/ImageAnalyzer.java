package dev.dockfit.image.analysis;

import dev.dockfit.finding.Finding;
import dev.dockfit.image.HistoryEntry;
import dev.dockfit.image.Image;
import dev.dockfit.image.ImageException;
import dev.dockfit.image.Layer;
import dev.dockfit.image.analysis.ImageReport.HistoryStep;
import dev.dockfit.image.analysis.ImageReport.LayerReport;
import dev.dockfit.image.fs.CaptureRule;
import dev.dockfit.image.fs.LayerFiles;
import dev.dockfit.image.fs.MergedFilesystem;
import dev.dockfit.image.tar.LayerWalker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads every layer once (in parallel, bounded), merges them, and runs the image analyses: sizes and history,
 * waste, dive's figures, user, files, leftovers, base image.
 */
public final class ImageAnalyzer {
    private ImageAnalyzer() {
    }

    public static ImageReport analyze(Image image, AnalysisOptions options) {
        List<CaptureRule> rules = new ArrayList<>(options.captureRules());
        rules.add(CaptureRule.exact(4L << 20, UserResolver.PASSWD, UserResolver.GROUP));
        rules.add(Secrets.CANDIDATES);
        rules.add(Leftovers.PACKAGE_DBS);
        SecretScanner secrets = new SecretScanner();
        List<dev.dockfit.image.fs.ContentVisitor> visitors = new ArrayList<>(options.visitors());
        visitors.add(secrets);
        List<LayerFiles> files = readLayers(image, image.layers(), new LayerWalker(rules, visitors), options.threads(),
                options.progress());

        List<HistoryEntry> history = image.config().history();
        List<Integer> stepOfLayer = LayerHistory.stepOfLayer(history, files.size());
        int[] layerOfStep = new int[history.size()];
        java.util.Arrays.fill(layerOfStep, -1);
        for (int layer = 0; layer < stepOfLayer.size(); layer++) layerOfStep[stepOfLayer.get(layer)] = layer;
        ImageReport.BaseImage base = BaseImageDetector.detect(image.annotations(), history);
        int[] dockerfileLineOfStep = dockerfileLines(options, history, base, stepOfLayer);

        List<String> createdBy = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            int step = i < stepOfLayer.size() ? stepOfLayer.get(i) : -1;
            createdBy.add(LayerHistory.createdBy(history, stepOfLayer, i));
            lines.add(step < 0 ? 0 : dockerfileLineOfStep[step]);
        }
        LayerContext ctx = new LayerContext(createdBy, lines);

        WasteAnalysis.Collector rewrites = new WasteAnalysis.Collector();
        MergedFilesystem fs = MergedFilesystem.merge(files, rewrites);
        WasteAnalysis waste = WasteAnalysis.compute(files, fs, rewrites, ctx);

        List<LayerReport> layers = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            LayerFiles lf = files.get(i);
            Layer l = image.layers().get(i);
            int step = i < stepOfLayer.size() ? stepOfLayer.get(i) : -1;
            layers.add(new LayerReport(i, String.valueOf(l.digest() == null ? lf.digest() : l.digest()),
                    String.valueOf(lf.diffId()), l.mediaType(), lf.compressedBytes(), lf.uncompressedBytes(),
                    lf.entries().size(), lf.fileBytes(), waste.wastedByLayer()[i], ctx.createdBy(i), step,
                    ctx.dockerfileLine(i), base.layerCount() >= 0 && i < base.layerCount()));
        }
        List<HistoryStep> steps = new ArrayList<>();
        for (int h = 0; h < history.size(); h++) {
            HistoryEntry e = history.get(h);
            steps.add(new HistoryStep(h, e.created(), e.createdBy(), e.emptyLayer(), layerOfStep[h],
                    dockerfileLineOfStep[h]));
        }

        DiveEfficiency.Figures dive = DiveEfficiency.compute(files);
        List<DiveCi.Result> ci = options.diveCi() == null ? List.of() : options.diveCi().evaluate(dive);
        ImageReport.UserInfo user = UserResolver.resolve(image.config().user(), fs);
        List<ImageReport.Leftover> leftovers = Leftovers.find(fs, ctx);

        List<Finding> findings = new ImageFindings(image, options, ctx)
                .all(user, fs, files, secrets.hits(fs, true), waste, leftovers, ci);
        return new ImageReport(image, List.copyOf(layers), List.copyOf(steps), waste.totalFileBytes(),
                waste.finalFileBytes(), waste.reclaimableBytes(), waste.efficiency(), waste.wastedFiles(),
                waste.rewrites(), dive, ci, user, base, List.copyOf(leftovers), findings, fs, files);
    }

    private static int[] dockerfileLines(AnalysisOptions options, List<HistoryEntry> history,
                                         ImageReport.BaseImage base, List<Integer> stepOfLayer) {
        if (options.dockerfile() == null) return new int[history.size()];
        int firstUserStep = 0;
        if (base.layerCount() > 0 && base.layerCount() <= stepOfLayer.size()) {
            firstUserStep = stepOfLayer.get(base.layerCount() - 1) + 1;
            // The base's trailing empty steps (its CMD) stay with the base.
            while (firstUserStep < history.size() && history.get(firstUserStep).emptyLayer()
                    && DockerfileAttribution.keywordOf(String.valueOf(history.get(firstUserStep).createdBy())).equals("CMD")) {
                firstUserStep++;
            }
        }
        return DockerfileAttribution.attribute(history, firstUserStep, DockerfileAttribution.finalStage(options.dockerfile()));
    }

    /**
     * Walks the given layers of the image, {@code threads} at a time, and returns their file lists in the same
     * order; a blob whose size differs from the manifest's is an error.
     */
    public static List<LayerFiles> readLayers(Image image, List<Layer> layers, LayerWalker walker, int threads,
                                              AnalysisOptions.Progress progress) {
        int total = layers.size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, total)), r -> {
            Thread t = new Thread(r, "dockfit-layer");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        try {
            // Largest blobs first (unknown sizes last), so that a big layer late in the image does not start when
            // the other threads are nearly done; the results keep the image's order.
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < total; i++) order.add(i);
            order.sort(Comparator.comparingLong((Integer i) -> layers.get(i).size()).reversed());
            List<Future<LayerFiles>> futures = new ArrayList<>(Collections.nCopies(total, null));
            for (int i : order) {
                Layer l = layers.get(i);
                futures.set(i, pool.submit(() -> {
                    LayerFiles f = walker.walk(l.index(), l.blob(), l.mediaType(), l.digest(), l.diffId());
                    if (l.digest() != null && l.size() >= 0 && l.size() != f.compressedBytes()) {
                        throw new ImageException("layer " + l.blob().name() + ": the manifest says " + l.size()
                                + " bytes, the blob has " + f.compressedBytes());
                    }
                    long b = bytes.addAndGet(f.compressedBytes());
                    if (progress != null) progress.layerRead(done.incrementAndGet(), total, b);
                    return f;
                }));
            }
            List<LayerFiles> out = new ArrayList<>();
            for (Future<LayerFiles> f : futures) out.add(f.get());
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new ImageException(image.source() + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageException(image.source() + ": interrupted");
        } finally {
            pool.shutdownNow();
        }
    }
}
