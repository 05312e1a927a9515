package dev.dockfit.image;

/** One step of the image config's history; empty-layer steps (ENV, CMD, USER ...) are kept in order. */
public record HistoryEntry(String created, String createdBy, String comment, boolean emptyLayer) {
}
