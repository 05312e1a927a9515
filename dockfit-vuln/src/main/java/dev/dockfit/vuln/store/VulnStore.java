package dev.dockfit.vuln.store;

import dev.dockfit.vuln.match.PackageNames;
import dev.dockfit.vuln.match.VulnerabilitySource;
import dev.dockfit.vuln.osv.OsvAffected;
import dev.dockfit.vuln.osv.OsvFormatException;
import dev.dockfit.vuln.osv.OsvParser;
import dev.dockfit.vuln.osv.OsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The local vulnerability database: one SQLite file holding every OSV record (JSON, deflated) and an
 * index of (ecosystem, package name) to record ids, so a scan reads only the records of the packages
 * it has. Imports are transactions: a failed import leaves the previous data intact.
 */
public final class VulnStore implements VulnerabilitySource, AutoCloseable {

    /** Bumped when the tables change; an older file is rebuilt by the next import. */
    private static final int SCHEMA_VERSION = 1;
    private static final String FILE = "osv.sqlite3";

    private final Connection db;
    private final Path file;
    private final Clock clock;

    private VulnStore(Connection db, Path file, Clock clock) {
        this.db = db;
        this.file = file;
        this.clock = clock;
    }

    /** {@code $XDG_CACHE_HOME/dockfit/vulndb}, {@code ~/Library/Caches/dockfit/vulndb} on macOS, else {@code ~/.cache/dockfit/vulndb}. */
    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path home = Path.of(System.getProperty("user.home"));
        Path cache;
        if (xdg != null && !xdg.isBlank()) cache = Path.of(xdg);
        else if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")) cache = home.resolve("Library/Caches");
        else if (System.getenv("LOCALAPPDATA") != null) cache = Path.of(System.getenv("LOCALAPPDATA"));
        else cache = home.resolve(".cache");
        return cache.resolve("dockfit").resolve("vulndb");
    }

    public static VulnStore open(Path directory) throws StoreException {
        return open(directory, Clock.systemUTC());
    }

    /** Opens (creating when needed) the store in {@code directory}. */
    public static VulnStore open(Path directory, Clock clock) throws StoreException {
        Path file = directory.resolve(FILE);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException("cannot create the vulnerability database directory " + directory + ": " + e.getMessage(), e);
        }
        SqliteNativeLibrary.prepare(defaultDirectory().getParent());
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=10000");
                int version;
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                if (version != SCHEMA_VERSION) {
                    s.execute("DROP TABLE IF EXISTS records");
                    s.execute("DROP TABLE IF EXISTS affected");
                    s.execute("DROP TABLE IF EXISTS sources");
                    s.execute("CREATE TABLE records (id TEXT PRIMARY KEY, modified TEXT /* Timestamps.canonical */, source TEXT NOT NULL, json BLOB NOT NULL)");
                    s.execute("CREATE TABLE affected (ecosystem TEXT NOT NULL, name TEXT NOT NULL, id TEXT NOT NULL)");
                    s.execute("CREATE INDEX affected_lookup ON affected(ecosystem, name)");
                    s.execute("CREATE INDEX affected_id ON affected(id)");
                    s.execute("CREATE INDEX records_source ON records(source)");
                    s.execute("CREATE TABLE sources (name TEXT PRIMARY KEY, imported_at TEXT NOT NULL)");
                    s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
                }
            }
            return new VulnStore(c, file, clock);
        } catch (SQLException e) {
            throw new StoreException("cannot open the vulnerability database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public List<OsvRecord> find(String ecosystem, String name) {
        List<OsvRecord> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement(
                "SELECT DISTINCT r.id, r.json FROM affected a JOIN records r ON r.id = a.id WHERE a.ecosystem = ? AND a.name = ?")) {
            q.setString(1, ecosystem);
            q.setString(2, name);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) out.add(OsvParser.parse(inflate(rs.getBytes(2))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("vulnerability database " + file + " is unreadable: " + e.getMessage(), e);
        } catch (OsvFormatException e) {
            throw new IllegalStateException("vulnerability database " + file + " holds a broken record: " + e.getMessage(), e);
        }
        return out;
    }

    /** One record to import: where it was read from (for messages) and its bytes. */
    public record Document(String origin, byte[] json) {
    }

    /**
     * Imports records as {@code source} (e.g. {@code osv:Debian} or {@code import:/path}). A record is
     * written when it is new or its {@code modified} is newer than the stored one. With
     * {@code replaceSource}, records of that source absent from {@code documents} are removed (a full
     * download replaces the previous one).
     */
    public ImportStats importDocuments(String source, Iterable<Document> documents, boolean replaceSource) throws StoreException {
        int imported = 0;
        int unchanged = 0;
        int removed = 0;
        List<String> invalid = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try {
            db.setAutoCommit(false);
            try (PreparedStatement modifiedOf = db.prepareStatement("SELECT modified FROM records WHERE id = ?");
                 PreparedStatement putRecord = db.prepareStatement(
                         "INSERT OR REPLACE INTO records (id, modified, source, json) VALUES (?, ?, ?, ?)");
                 PreparedStatement dropIndex = db.prepareStatement("DELETE FROM affected WHERE id = ?");
                 PreparedStatement putIndex = db.prepareStatement("INSERT INTO affected (ecosystem, name, id) VALUES (?, ?, ?)")) {
                for (Document d : documents) {
                    OsvRecord r;
                    try {
                        r = OsvParser.parse(d.json());
                    } catch (OsvFormatException e) {
                        invalid.add(d.origin() + ": " + e.getMessage());
                        continue;
                    }
                    seen.add(r.id());
                    modifiedOf.setString(1, r.id());
                    String stored = null;
                    try (ResultSet rs = modifiedOf.executeQuery()) {
                        if (rs.next()) stored = rs.getString(1);
                    }
                    String modified = Timestamps.canonical(r.modified());
                    if (stored != null && modified != null && stored.compareTo(modified) >= 0) {
                        unchanged++;
                        continue;
                    }
                    putRecord.setString(1, r.id());
                    putRecord.setString(2, modified);
                    putRecord.setString(3, source);
                    putRecord.setBytes(4, deflate(d.json()));
                    putRecord.executeUpdate();
                    dropIndex.setString(1, r.id());
                    dropIndex.executeUpdate();
                    Set<String> keys = new LinkedHashSet<>();
                    for (OsvAffected a : r.affected()) {
                        if (a.ecosystem() == null || a.name() == null) continue;
                        String eco = PackageNames.indexEcosystem(a.ecosystem());
                        String name = PackageNames.normalize(eco, a.name());
                        if (!keys.add(eco + '\u0000' + name)) continue;
                        putIndex.setString(1, eco);
                        putIndex.setString(2, name);
                        putIndex.setString(3, r.id());
                        putIndex.addBatch();
                    }
                    putIndex.executeBatch();
                    imported++;
                }
                if (replaceSource) removed = removeMissing(source, seen);
                try (PreparedStatement mark = db.prepareStatement("INSERT OR REPLACE INTO sources (name, imported_at) VALUES (?, ?)")) {
                    mark.setString(1, source);
                    mark.setString(2, clock.instant().toString());
                    mark.executeUpdate();
                }
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot write the vulnerability database " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        } finally {
            try {
                db.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is unusable either way; the next statement reports it
            }
        }
        return new ImportStats(imported, unchanged, removed, invalid);
    }

    private int removeMissing(String source, Set<String> keep) throws SQLException {
        List<String> gone = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT id FROM records WHERE source = ?")) {
            q.setString(1, source);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (!keep.contains(rs.getString(1))) gone.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement delRecord = db.prepareStatement("DELETE FROM records WHERE id = ?");
             PreparedStatement delIndex = db.prepareStatement("DELETE FROM affected WHERE id = ?")) {
            for (String id : gone) {
                delRecord.setString(1, id);
                delRecord.addBatch();
                delIndex.setString(1, id);
                delIndex.addBatch();
            }
            delRecord.executeBatch();
            delIndex.executeBatch();
        }
        return gone.size();
    }

    /** The newest {@code modified} among the records of {@code source}, or null when it has none. */
    public Instant newestModified(String source) throws StoreException {
        try (PreparedStatement q = db.prepareStatement("SELECT MAX(modified) FROM records WHERE source = ?")) {
            q.setString(1, source);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Timestamps.parse(rs.getString(1)) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the vulnerability database " + file + ": " + e.getMessage(), e);
        }
    }

    public StoreStatus status() throws StoreException {
        try (Statement s = db.createStatement()) {
            List<StoreStatus.Source> sources = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT s.name, s.imported_at, COUNT(r.id), MAX(r.modified) FROM sources s "
                    + "LEFT JOIN records r ON r.source = s.name GROUP BY s.name ORDER BY s.name")) {
                while (rs.next()) {
                    sources.add(new StoreStatus.Source(rs.getString(1), Instant.parse(rs.getString(2)), rs.getInt(3),
                            Timestamps.parse(rs.getString(4))));
                }
            }
            List<StoreStatus.EcosystemCount> ecosystems = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT ecosystem, COUNT(DISTINCT id) FROM affected GROUP BY ecosystem ORDER BY ecosystem")) {
                while (rs.next()) ecosystems.add(new StoreStatus.EcosystemCount(rs.getString(1), rs.getInt(2)));
            }
            int records;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM records")) {
                records = rs.next() ? rs.getInt(1) : 0;
            }
            return new StoreStatus(sources, ecosystems, records);
        } catch (SQLException e) {
            throw new StoreException("cannot read the vulnerability database " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws StoreException {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the vulnerability database " + file + ": " + e.getMessage(), e);
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        byte[] buf = new byte[8192];
        while (!d.finished()) out.write(buf, 0, d.deflate(buf));
        d.end();
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] data) {
        Inflater i = new Inflater();
        i.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4);
        byte[] buf = new byte[8192];
        try {
            while (!i.finished()) {
                int n = i.inflate(buf);
                if (n == 0 && (i.needsInput() || i.needsDictionary())) throw new DataFormatException("truncated");
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new UncheckedIOException(new IOException("corrupt record in the vulnerability database", e));
        } finally {
            i.end();
        }
        return out.toByteArray();
    }
}
