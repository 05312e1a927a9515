package dev.dockfit.vuln.store;

import java.time.Instant;
import java.util.List;

/**
 * The contents of a store: per source (an OSV ecosystem download or an imported path) when it was
 * imported, and per OSV ecosystem how many records name it.
 */
public record StoreStatus(List<Source> sources, List<EcosystemCount> ecosystems, int records) {

    public StoreStatus {
        sources = List.copyOf(sources);
        ecosystems = List.copyOf(ecosystems);
    }

    /** @param newestModified the newest {@code modified} among its records (the incremental update's watermark) */
    public record Source(String name, Instant importedAt, int records, String newestModified) {
    }

    public record EcosystemCount(String ecosystem, int records) {
    }

    /** The oldest import, or null for an empty store. */
    public Instant oldestImport() {
        return sources.stream().map(Source::importedAt).min(Instant::compareTo).orElse(null);
    }
}
