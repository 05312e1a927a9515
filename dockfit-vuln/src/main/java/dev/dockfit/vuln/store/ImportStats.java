package dev.dockfit.vuln.store;

import java.util.List;

/**
 * What one import did.
 *
 * @param imported records written (new or newer than the stored copy)
 * @param unchanged records skipped because the stored copy is as recent
 * @param removed  records dropped because a full ecosystem download no longer holds them
 * @param invalid  one line per file that is not a readable OSV record ({@code FILE: message})
 */
public record ImportStats(int imported, int unchanged, int removed, List<String> invalid) {

    public ImportStats {
        invalid = List.copyOf(invalid);
    }
}
