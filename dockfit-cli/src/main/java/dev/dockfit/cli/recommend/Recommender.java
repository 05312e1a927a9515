package dev.dockfit.cli.recommend;

import dev.dockfit.image.Image;
import dev.dockfit.image.ImageSource;
import dev.dockfit.image.Layer;
import dev.dockfit.image.registry.RegistryTags;
import dev.dockfit.reference.ImageReference;
import dev.dockfit.vuln.match.VulnerabilitySource;
import dev.dockfit.vuln.scan.ImageInventory;
import dev.dockfit.vuln.scan.LayerInventoryCache;
import dev.dockfit.vuln.scan.ScanOptions;
import dev.dockfit.vuln.scan.ScanResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists a repository's tags, plans candidates ({@link TagPlan}) and scans each one (through the cache). */
public final class Recommender {

    /**
     * The advice for one image.
     *
     * @param image the repository and current tag, as {@code registry/repository:tag}
     */
    public record Recommendations(String image, CandidateScan current, List<CandidateScan> minorUpgrades,
                                  List<CandidateScan> majorUpgrades, List<CandidateScan> alternatives) {
    }

    private final ImageSource.Options sourceOptions;
    private final VulnerabilitySource vulns;
    private final ScanCache cache;
    private final LayerInventoryCache layers;
    private final int pageSize;
    private final int threads;

    /** @param layers packages per layer by diffID, shared by candidates with common layers; may be null */
    public Recommender(ImageSource.Options sourceOptions, VulnerabilitySource vulns, ScanCache cache,
                       LayerInventoryCache layers, int pageSize, int threads) {
        this.sourceOptions = sourceOptions;
        this.vulns = vulns;
        this.cache = cache;
        this.layers = layers;
        this.pageSize = pageSize;
        this.threads = threads;
    }

    /** {@code imageRef} is {@code [docker://]registry/repository[:tag]}; throws ImageException when the registry fails. */
    public Recommendations recommend(String imageRef) {
        String text = imageRef.startsWith("docker://") ? imageRef.substring("docker://".length()) : imageRef;
        ImageReference ref = ImageReference.parse(text)
                .orElseThrow(() -> new dev.dockfit.image.ImageException(imageRef + ": not a valid image reference"));
        String tag = ref.tag() != null ? ref.tag() : "latest";
        List<String> tags = RegistryTags.list("docker://" + ref.canonical(), sourceOptions, pageSize);
        TagPlan plan = TagPlan.of(tag, tags);
        Map<String, CandidateScan> scanned = new LinkedHashMap<>();
        CandidateScan current = scan(ref, tag, scanned);
        return new Recommendations(tagged(ref, tag), current, scanAll(ref, plan.minorUpgrades(), scanned),
                scanAll(ref, plan.majorUpgrades(), scanned), scanAll(ref, plan.alternatives(), scanned));
    }

    /** {@code registry/repository:tag}, without the digest the current reference may carry. */
    private static String tagged(ImageReference ref, String tag) {
        return ref.registryHost() + "/" + ref.apiRepository() + ":" + tag;
    }

    private List<CandidateScan> scanAll(ImageReference ref, List<String> tags, Map<String, CandidateScan> scanned) {
        List<CandidateScan> out = new ArrayList<>();
        for (String t : tags) out.add(scan(ref, t, scanned));
        return out;
    }

    private CandidateScan scan(ImageReference ref, String tag, Map<String, CandidateScan> scanned) {
        CandidateScan done = scanned.get(tag);
        if (done != null) return done;
        try (Image image = ImageSource.open("docker://" + tagged(ref, tag), sourceOptions)) {
            String digest = image.manifestDigest().toString();
            CandidateScan result = cache.get(digest, tag).orElseGet(() -> {
                ScanResult r = ScanResult.scan(ImageInventory.of(image, threads, layers, null),
                        vulns, ScanOptions.all());
                long size = image.layers().stream().mapToLong(Layer::size).sum();
                CandidateScan s = new CandidateScan(tag, digest, size, r.tested(), r.countsBySeverity());
                cache.put(s);
                return s;
            });
            scanned.put(tag, result);
            return result;
        }
    }
}
