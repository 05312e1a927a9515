package dev.dockfit.vuln.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The contents of a store: per source (an OSV ecosystem download or an imported path) when it was
 * imported, and per OSV ecosystem how many records name it.
 */
public record StoreStatus(List<Source> sources, List<EcosystemCount> ecosystems, int records) {

    /** Data older than this makes scans and {@code db status} warn. */
    public static final Duration STALE_AFTER = Duration.ofDays(7);

    public StoreStatus {
        sources = List.copyOf(sources);
        ecosystems = List.copyOf(ecosystems);
    }

    /** @param newestModified the newest {@code modified} among its records (the incremental update's watermark) */
    public record Source(String name, Instant importedAt, int records, Instant newestModified) {
    }

    public record EcosystemCount(String ecosystem, int records) {
    }

    /** The oldest import, or null for an empty store. */
    public Instant oldestImport() {
        return sources.stream().map(Source::importedAt).min(Instant::compareTo).orElse(null);
    }

    /** True when some source was imported more than {@link #STALE_AFTER} before {@code now}. */
    public boolean isStale(Instant now) {
        Instant oldest = oldestImport();
        return oldest != null && Duration.between(oldest, now).compareTo(STALE_AFTER) > 0;
    }
}
