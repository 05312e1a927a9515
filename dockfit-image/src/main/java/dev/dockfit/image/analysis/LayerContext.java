package dev.dockfit.image.analysis;

import java.util.List;

/** Per layer: the history line and Dockerfile line that produced it, shared by the analyses that report layers. */
record LayerContext(List<String> createdBy, List<Integer> dockerfileLines) {
    String createdBy(int layer) {
        return layer >= 0 && layer < createdBy.size() ? createdBy.get(layer) : null;
    }

    int dockerfileLine(int layer) {
        return layer >= 0 && layer < dockerfileLines.size() ? dockerfileLines.get(layer) : 0;
    }
}
