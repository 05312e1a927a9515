package dev.dockfit.image.analysis;

import dev.dockfit.image.HistoryEntry;
import dev.dockfit.image.analysis.ImageReport.BaseImage;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which bottom layers are the base image. The OCI annotations name the base when the builder wrote them; the
 * split comes from the history: the base's own last step is normally an empty-layer {@code CMD}, so the last such
 * step that is followed by a layer the user added ends the base.
 */
public final class BaseImageDetector {
    static final String BASE_NAME = "org.opencontainers.image.base.name";
    static final String BASE_DIGEST = "org.opencontainers.image.base.digest";
    private static final Pattern CMD = Pattern.compile("(?s).*(#\\(nop\\)\\s*|^)CMD\\b.*");

    private BaseImageDetector() {
    }

    public static BaseImage detect(Map<String, String> annotations, List<HistoryEntry> history) {
        int layers = 0;
        int baseLayers = -1;
        int layersSoFar = 0;
        for (HistoryEntry h : history) {
            if (!h.emptyLayer()) {
                layersSoFar++;
                continue;
            }
            String by = h.createdBy() == null ? "" : h.createdBy().strip();
            if (CMD.matcher(by).matches()) {
                layers = layersSoFar;
                baseLayers = hasLayerAfter(history, h) ? layers : baseLayers;
            }
        }
        String name = annotations.get(BASE_NAME);
        String digest = annotations.get(BASE_DIGEST);
        if (name != null || digest != null) return new BaseImage(name, digest, "annotation", baseLayers);
        if (baseLayers >= 0) return new BaseImage(null, null, "history", baseLayers);
        return new BaseImage(null, null, "none", -1);
    }

    private static boolean hasLayerAfter(List<HistoryEntry> history, HistoryEntry entry) {
        boolean after = false;
        for (HistoryEntry h : history) {
            if (h == entry) after = true;
            else if (after && !h.emptyLayer()) return true;
        }
        return false;
    }
}
