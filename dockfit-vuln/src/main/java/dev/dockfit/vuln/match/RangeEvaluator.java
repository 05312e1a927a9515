package dev.dockfit.vuln.match;

import dev.dockfit.vuln.osv.OsvAffected;
import dev.dockfit.vuln.osv.OsvEvent;
import dev.dockfit.vuln.osv.OsvRange;
import dev.dockfit.vuln.version.VersionScheme;
import dev.dockfit.vuln.version.VersionSchemes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The OSV schema's evaluation algorithm for one affected entry and one installed version: affected
 * when the version is in {@code versions}, or inside a SEMVER/ECOSYSTEM range (events sorted by the
 * scheme, {@code introduced} "0" first; {@code fixed} and {@code last_affected} close; the version must
 * be below some {@code limit} when limits are given). GIT ranges name commits, not versions, and are
 * left to the {@code versions} list.
 */
public final class RangeEvaluator {

    /** An affected verdict: the lowest {@code fixed} above the installed version, or null when unfixed. */
    public record Verdict(String fixedVersion) {
    }

    private RangeEvaluator() {
    }

    /**
     * Empty when {@code version} is not affected. {@code scheme} orders ECOSYSTEM ranges; SEMVER
     * ranges always use SemVer. Throws IllegalArgumentException when a version cannot be ordered.
     */
    public static Optional<Verdict> evaluate(OsvAffected affected, String version, VersionScheme scheme) {
        boolean hit = affected.versions().contains(version);
        String fixed = null;
        for (OsvRange range : affected.ranges()) {
            VersionScheme order = switch (range.type()) {
                case "SEMVER" -> VersionSchemes.SEMVER;
                case "ECOSYSTEM" -> scheme;
                default -> null;
            };
            if (order == null) continue;
            if (inRange(range, version, order)) hit = true;
            for (OsvEvent e : range.events()) {
                if (e.kind() == OsvEvent.Kind.FIXED && order.compare(e.version(), version) > 0
                        && (fixed == null || order.compare(e.version(), fixed) < 0)) {
                    fixed = e.version();
                }
            }
        }
        return hit ? Optional.of(new Verdict(fixed)) : Optional.empty();
    }

    static boolean inRange(OsvRange range, String v, VersionScheme order) {
        boolean hasLimit = false;
        boolean belowLimit = false;
        for (OsvEvent e : range.events()) {
            if (e.kind() != OsvEvent.Kind.LIMIT) continue;
            hasLimit = true;
            if (e.version().contains("*") || order.compare(v, e.version()) < 0) belowLimit = true;
        }
        if (hasLimit && !belowLimit) return false;
        List<OsvEvent> events = new ArrayList<>();
        for (OsvEvent e : range.events()) {
            if (e.kind() != OsvEvent.Kind.LIMIT) events.add(e);
        }
        events.sort(Comparator.comparing(OsvEvent::version, (a, b) -> compareEventVersions(a, b, order)));
        boolean vulnerable = false;
        for (OsvEvent e : events) {
            switch (e.kind()) {
                case INTRODUCED -> {
                    if (e.version().equals("0") || order.compare(v, e.version()) >= 0) vulnerable = true;
                }
                case FIXED -> {
                    if (order.compare(v, e.version()) >= 0) vulnerable = false;
                }
                case LAST_AFFECTED -> {
                    if (order.compare(v, e.version()) > 0) vulnerable = false;
                }
                default -> { }
            }
        }
        return vulnerable;
    }

    private static int compareEventVersions(String a, String b, VersionScheme order) {
        boolean za = a.equals("0");
        boolean zb = b.equals("0");
        if (za || zb) return za == zb ? 0 : (za ? -1 : 1);
        return order.compare(a, b);
    }
}
