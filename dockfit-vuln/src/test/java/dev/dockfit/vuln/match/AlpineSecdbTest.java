package dev.dockfit.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockfit.image.packages.ApkDatabase;
import dev.dockfit.image.packages.OsDetector;
import dev.dockfit.image.packages.OsInfo;
import dev.dockfit.image.packages.Package;
import dev.dockfit.vuln.SharedData;
import dev.dockfit.vuln.osv.AlpineSecdb;
import dev.dockfit.vuln.osv.OsvAffected;
import dev.dockfit.vuln.osv.OsvEvent;
import dev.dockfit.vuln.osv.OsvRange;
import dev.dockfit.vuln.store.ImportStats;
import dev.dockfit.vuln.store.OsvArchives;
import dev.dockfit.vuln.store.VulnStore;
import dev.dockfit.vuln.version.VersionSchemes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real alpine:3.10.4 package database against Alpine's own secdb for v3.10 and v3.11. */
class AlpineSecdbTest {

    @TempDir
    Path tmp;

    private static List<Package> alpine310(OsInfo os, String replaceFrom, String replaceTo) throws Exception {
        Path installed = SharedData.require("pkgdb/apk/from-image_alpine-310/installed");
        String db = Files.readString(installed).replace(replaceFrom, replaceTo);
        return ApkDatabase.parse(db.getBytes(), "lib/apk/db/installed", os);
    }

    private static OsInfo os() throws Exception {
        byte[] release = Files.readAllBytes(SharedData.require("pkgdb/apk/from-image_alpine-310/os-release"));
        return OsDetector.detect(p -> p.equals("etc/os-release") ? Optional.of(release) : Optional.empty());
    }

    @Test
    void thePatchedImageHasNoFindingsAndOlderPackagesDo() throws Exception {
        Path secdb = SharedData.require("vulndata/osv-records/native-alpine-secdb");
        OsInfo os = os();
        try (VulnStore store = VulnStore.open(tmp.resolve("db"))) {
            ImportStats s = OsvArchives.importPath(store, secdb);
            assertThat(s.invalid()).isEmpty();
            assertThat(s.imported()).isGreaterThan(500);
            Matcher matcher = new Matcher(store);

            // alpine:3.10.4 carries every fix its secdb lists (e.g. busybox 1.30.1-r3 > fix 1.30.1-r2, musl = fix 1.1.22-r3).
            MatchResult current = matcher.match(os, alpine310(os, "", ""));
            assertThat(current.tested()).isEqualTo(14);
            assertThat(current.matches()).isEmpty();

            // One revision older musl (and musl-utils, same origin) lacks the CVE-2019-14697 fix.
            MatchResult older = matcher.match(os, alpine310(os, "V:1.1.22-r3", "V:1.1.22-r2"));
            assertThat(older.matches()).extracting(m -> m.pkg().name(), VulnMatch::id, VulnMatch::fixedVersion, VulnMatch::ecosystem)
                    .containsExactlyInAnyOrder(
                            tuple("musl", "ALPINE-SECDB-v3.10-CVE-2019-14697", "1.1.22-r3", "Alpine:v3.10"),
                            tuple("musl-utils", "ALPINE-SECDB-v3.10-CVE-2019-14697", "1.1.22-r3", "Alpine:v3.10"));
        }
    }

    /** apk's grammar accepts the secdb's versions, except three typos apk itself would reject. */
    @Test
    void theSecdbVersionsFollowApksGrammar() throws Exception {
        Set<String> invalid = new TreeSet<>();
        int checked = 0;
        for (String file : List.of("v3.10_main.yaml", "v3.11_main.yaml")) {
            JsonNode secdb = AlpineSecdb.read(Files.readAllBytes(SharedData.require("vulndata/osv-records/native-alpine-secdb/" + file)));
            assertThat(secdb).isNotNull();
            for (byte[] json : AlpineSecdb.toOsv(secdb, "2020-06-08T00:00:00Z")) {
                for (OsvAffected a : dev.dockfit.vuln.osv.OsvParser.parse(json).affected()) {
                    for (OsvRange r : a.ranges()) {
                        for (OsvEvent e : r.events()) {
                            if (e.kind() != OsvEvent.Kind.FIXED) continue;
                            checked++;
                            if (!VersionSchemes.APK.isValid(e.version())) invalid.add(a.name() + " " + e.version());
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(invalid).containsExactly("opensmtpd 6.6.2p1-r0", "python2 2.7.16-33", "xen 4.10-1-r1");
    }
}
