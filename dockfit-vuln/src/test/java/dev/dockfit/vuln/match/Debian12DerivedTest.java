package dev.dockfit.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.image.packages.DpkgDatabase;
import dev.dockfit.image.packages.OsDetector;
import dev.dockfit.image.packages.OsInfo;
import dev.dockfit.image.packages.Package;
import dev.dockfit.vuln.SharedData;
import dev.dockfit.vuln.osv.OsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The heart of item 8 at package level: the bookworm minbase dpkg status against Debian-changelog-derived records. */
class Debian12DerivedTest {

    @Test
    void minbaseMatchesExactlyTheExpectedPairs() throws IOException {
        Path dir = SharedData.require("vulndata/debian12-derived");
        byte[] osRelease = Files.readAllBytes(dir.resolve("os-release-minbase"));
        OsInfo os = OsDetector.detect(path -> path.equals("etc/os-release") ? Optional.of(osRelease)
                : path.equals("etc/debian_version") ? Optional.of("12.15\n".getBytes()) : Optional.empty());
        assertThat(os.osvEcosystem()).contains("Debian:12");

        List<Package> packages = DpkgDatabase.parse(Files.readAllBytes(dir.resolve("status-minbase")), "var/lib/dpkg/status", os);
        assertThat(packages).hasSize(88);

        List<OsvRecord> records = SharedData.records(dir.resolve("osv"));
        assertThat(records).hasSize(79);
        MatchResult result = new Matcher(new InMemoryVulnerabilitySource(records)).match(os, packages);

        Set<String> actual = result.matches().stream()
                .map(m -> String.join("\t", m.pkg().name(), m.pkg().version(), m.pkg().sourceName(), m.pkg().sourceVersion(),
                        m.id(), String.valueOf(m.fixedVersion())))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = Files.readAllLines(dir.resolve("expected-minbase.tsv")).stream().skip(1)
                .filter(l -> !l.isBlank()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(result.matches()).noneMatch(m -> m.id().contains("NEGATIVE"));
        assertThat(result.matches()).extracting(VulnMatch::ecosystem).containsOnly("Debian:12");
        assertThat(result.tested()).isEqualTo(88);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void installedListAgreesWithTheParsedStatus() throws IOException {
        Path dir = SharedData.require("vulndata/debian12-derived");
        List<Package> packages = DpkgDatabase.parse(Files.readAllBytes(dir.resolve("status-minbase")), "var/lib/dpkg/status",
                new OsInfo("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)", "12 (bookworm)"));
        Map<String, String> parsed = packages.stream().collect(Collectors.toMap(Package::name,
                p -> String.join("\t", p.version(), p.sourceName(), p.sourceVersion())));
        Map<String, String> listed = Files.readAllLines(dir.resolve("installed-minbase.tsv")).stream().skip(1)
                .filter(l -> !l.isBlank()).map(l -> l.split("\t"))
                .collect(Collectors.toMap(c -> c[0], c -> String.join("\t", c[1], c[2], c[3])));
        assertThat(parsed).isEqualTo(listed);
    }
}
