package dev.dockfit.lint.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the configuration of a Dockerfile comes from: a {@code .dockfit.yaml} next to it, else in a parent
 * directory up to the repository root (the first directory holding {@code .git}), else the user's
 * {@code $XDG_CONFIG_HOME/dockfit/config.yaml} (default {@code ~/.config}). Only when none exists, a
 * {@code .hadolint.yaml} found the same way (user file: {@code $XDG_CONFIG_HOME/hadolint.yaml}).
 */
public final class ConfigSearch {
    static final List<String> DOCKFIT_NAMES = List.of(".dockfit.yaml", ".dockfit.yml");
    static final List<String> HADOLINT_NAMES = List.of(".hadolint.yaml", ".hadolint.yml");

    /** A configuration file and which format it is in. */
    public record Found(Path file, boolean hadolint) {
    }

    private final Path userConfigDir;

    public ConfigSearch(Path userConfigDir) {
        this.userConfigDir = userConfigDir;
    }

    /** The user config dir from the environment: {@code $XDG_CONFIG_HOME}, else {@code ~/.config}. */
    public static ConfigSearch fromEnvironment(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) return new ConfigSearch(Path.of(xdg));
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return new ConfigSearch(home == null ? null : Path.of(home, ".config"));
    }

    /** The configuration for a Dockerfile in {@code dir} (for standard input: the working directory). */
    public Optional<Found> find(Path dir) {
        Path start = dir.toAbsolutePath().normalize();
        Optional<Path> dockfit = upwards(start, DOCKFIT_NAMES)
                .or(() -> existing(userConfigDir == null ? null : userConfigDir.resolve("dockfit/config.yaml")));
        if (dockfit.isPresent()) return Optional.of(new Found(dockfit.get(), false));
        return upwards(start, HADOLINT_NAMES)
                .or(() -> existing(userConfigDir == null ? null : userConfigDir.resolve("hadolint.yaml")))
                .map(p -> new Found(p, true));
    }

    private static Optional<Path> upwards(Path start, List<String> names) {
        for (Path d = start; d != null; d = d.getParent()) {
            for (String n : names) {
                Path f = d.resolve(n);
                if (Files.isRegularFile(f)) return Optional.of(f);
            }
            if (Files.exists(d.resolve(".git"))) break; // the repository root: a config above it is not this project's
        }
        return Optional.empty();
    }

    private static Optional<Path> existing(Path p) {
        return p != null && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
}
