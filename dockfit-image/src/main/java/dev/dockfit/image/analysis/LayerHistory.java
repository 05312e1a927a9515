package dev.dockfit.image.analysis;

import dev.dockfit.image.HistoryEntry;
import java.util.ArrayList;
import java.util.List;

/** Which history step produced each layer: the non-empty steps, in order, one per layer. */
public final class LayerHistory {
    private LayerHistory() {
    }

    /** For each of the first {@code layers} layers, the index of its history step; layers the history misses get none. */
    public static List<Integer> stepOfLayer(List<HistoryEntry> history, int layers) {
        List<Integer> steps = new ArrayList<>();
        for (int h = 0; h < history.size() && steps.size() < layers; h++) {
            if (!history.get(h).emptyLayer()) steps.add(h);
        }
        return steps;
    }

    /** The {@code created_by} of a layer's step, or null when the history does not cover the layer. */
    public static String createdBy(List<HistoryEntry> history, List<Integer> stepOfLayer, int layer) {
        return layer < stepOfLayer.size() ? history.get(stepOfLayer.get(layer)).createdBy() : null;
    }
}
