package dev.dockfit.lint.config;

import dev.dockfit.lint.LintConfig;
import dev.dockfit.lint.RuleInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of each Dockerfile: an explicit {@code --config} file for all of them, or the file
 * {@link ConfigSearch} finds for each one's directory (each file read once), with the flags applied on top.
 */
public final class LintConfigs {
    private final Path explicit;
    private final ConfigSearch search;
    private final ConfigOverrides overrides;
    private final List<RuleInfo> rules;
    private final Map<Path, LintConfig> byFile = new HashMap<>();
    /** What the search found for each directory already seen (many Dockerfiles share a directory). */
    private final Map<Path, Optional<ConfigSearch.Found>> byDirectory = new HashMap<>();
    private LintConfig withoutFile;

    /**
     * @param explicit  the {@code --config} file, or null to search
     * @param rules     every rule (ids in the file are checked against them)
     */
    public LintConfigs(Path explicit, ConfigSearch search, ConfigOverrides overrides, List<RuleInfo> rules) {
        this.explicit = explicit;
        this.search = search;
        this.overrides = overrides;
        this.rules = rules;
    }

    /**
     * The configuration for a Dockerfile in {@code dir}; null means standard input (searched from the working
     * directory). Dockerfiles sharing a configuration file get the same instance.
     */
    public LintConfig forDirectory(Path dir) throws ConfigException {
        Optional<ConfigSearch.Found> found = explicit != null
                ? Optional.of(new ConfigSearch.Found(explicit, isHadolintName(explicit)))
                : byDirectory.computeIfAbsent(dir == null ? Path.of("") : dir, search::find);
        if (found.isEmpty()) {
            if (withoutFile == null) withoutFile = overrides.apply(LintConfig.DEFAULT);
            return withoutFile;
        }
        ConfigSearch.Found f = found.get();
        LintConfig config = byFile.get(f.file());
        if (config == null) {
            config = overrides.apply(read(f));
            byFile.put(f.file(), config);
        }
        return config;
    }

    private LintConfig read(ConfigSearch.Found f) throws ConfigException {
        String name = f.file().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f.file());
        } catch (NoSuchFileException e) {
            throw new ConfigException(name + ": no such file", true);
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read: " + e.getMessage(), true);
        }
        return f.hadolint() ? HadolintConfigFile.parse(name, bytes, rules) : DockfitConfigFile.parse(name, bytes, rules);
    }

    private static boolean isHadolintName(Path p) {
        return p.getFileName() != null && p.getFileName().toString().contains("hadolint");
    }
}
