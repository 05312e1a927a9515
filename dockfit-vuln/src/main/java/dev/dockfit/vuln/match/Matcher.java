package dev.dockfit.vuln.match;

import dev.dockfit.image.packages.OsInfo;
import dev.dockfit.image.packages.Package;
import dev.dockfit.image.packages.PackageType;
import dev.dockfit.vuln.osv.OsvAffected;
import dev.dockfit.vuln.osv.OsvRecord;
import dev.dockfit.vuln.version.VersionScheme;
import dev.dockfit.vuln.version.VersionSchemes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Matches installed packages against OSV records. OS packages are looked up within the release
 * ecosystem of the detected OS: Debian by source package and source version in {@code Debian:<major>},
 * Alpine by origin in {@code Alpine:v<major.minor>}. Language packages by name in Maven
 * ({@code group:artifact}), npm, PyPI (PEP 503 names) and Go. Withdrawn records are ignored.
 */
public final class Matcher {

    private final VulnerabilitySource source;

    public Matcher(VulnerabilitySource source) {
        this.source = source;
    }

    public MatchResult match(OsInfo os, List<Package> packages) {
        List<VulnMatch> matches = new ArrayList<>();
        Set<String> warnings = new LinkedHashSet<>();
        int tested = 0;
        for (Package p : packages) {
            Optional<Query> query = query(os, p);
            if (query.isEmpty()) {
                warnings.add("not checked: " + p.type().ecosystem() + " packages of an unknown OS release ("
                        + (os.isKnown() ? os.prettyName() : "no os-release") + ")");
                continue;
            }
            tested++;
            matches.addAll(match(p, query.get(), warnings));
        }
        matches.sort(Comparator.comparing((VulnMatch m) -> m.pkg().name()).thenComparing(m -> m.pkg().version())
                .thenComparing(VulnMatch::id));
        return new MatchResult(tested, matches, new ArrayList<>(warnings));
    }

    private record Query(List<String> ecosystems, String name, String version) {
    }

    private static Optional<Query> query(OsInfo os, Package p) {
        if (p.type().isOsPackage()) {
            Optional<String> eco = os.osvEcosystem();
            if (eco.isEmpty()) return Optional.empty();
            String family = PackageNames.family(eco.get());
            boolean familyFits = p.type() == PackageType.DEB ? family.equals("Debian") || family.equals("Ubuntu")
                    : !family.equals("Debian") && !family.equals("Ubuntu");
            if (!familyFits) return Optional.empty();
            // Records for the whole distribution (no release suffix) apply to every release.
            return Optional.of(new Query(List.of(eco.get(), family), p.sourceName(),
                    p.type() == PackageType.DEB ? p.sourceVersion() : p.version()));
        }
        String eco = p.type().ecosystem();
        return Optional.of(new Query(List.of(eco), PackageNames.normalize(eco, p.name()), p.version()));
    }

    private List<VulnMatch> match(Package p, Query q, Set<String> warnings) {
        List<VulnMatch> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String eco : q.ecosystems()) {
            for (OsvRecord r : source.find(eco, q.name())) {
                if (r.isWithdrawn() || seen.contains(r.id())) continue;
                VulnMatch m = evaluate(p, q, eco, r, warnings);
                if (m != null) {
                    seen.add(r.id());
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** The match of one record, combining its affected entries for this package; null when none applies. */
    private static VulnMatch evaluate(Package p, Query q, String eco, OsvRecord r, Set<String> warnings) {
        VersionScheme scheme = VersionSchemes.forEcosystem(eco).orElse(null);
        boolean hit = false;
        String fixed = null;
        OsvAffected first = null;
        for (OsvAffected a : r.affected()) {
            if (a.ecosystem() == null || a.name() == null) continue;
            String aeco = PackageNames.indexEcosystem(a.ecosystem());
            if (!aeco.equals(eco) || !PackageNames.normalize(aeco, a.name()).equals(q.name())) continue;
            Optional<RangeEvaluator.Verdict> verdict;
            try {
                verdict = scheme == null ? Optional.empty() : RangeEvaluator.evaluate(a, q.version(), scheme);
            } catch (IllegalArgumentException e) {
                warnings.add(r.id() + ": cannot order versions for " + p.name() + " " + q.version() + ": " + e.getMessage());
                continue;
            }
            if (verdict.isEmpty()) continue;
            if (!hit) first = a;
            String f = verdict.get().fixedVersion();
            // A record with several affected entries: report the lowest fix above the installed version.
            if (f != null && (fixed == null || scheme.compare(f, fixed) < 0)) fixed = f;
            hit = true;
        }
        if (!hit) return null;
        return new VulnMatch(p, r.id(), r.aliases(), r.summary(), eco, fixed, SeverityAssessment.of(r, first));
    }
}
