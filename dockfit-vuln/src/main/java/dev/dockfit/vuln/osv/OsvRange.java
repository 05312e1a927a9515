package dev.dockfit.vuln.osv;

import java.util.List;

/** A {@code ranges[]} entry: type SEMVER, ECOSYSTEM or GIT, its repo (GIT), and its events in file order. */
public record OsvRange(String type, String repo, List<OsvEvent> events) {

    public OsvRange {
        events = List.copyOf(events);
    }
}
