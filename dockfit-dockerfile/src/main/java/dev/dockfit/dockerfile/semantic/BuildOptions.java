package dev.dockfit.dockerfile.semantic;

import java.util.Map;

/**
 * What a build is given from outside the Dockerfile: {@code --build-arg} values and the platforms that
 * feed BuildKit's automatic platform ARGs.
 *
 * @param buildArgs      values overriding ARG defaults
 * @param targetPlatform {@code os/arch[/variant]}, e.g. {@code linux/amd64}
 * @param buildPlatform  the platform the build runs on
 */
public record BuildOptions(Map<String, String> buildArgs, String targetPlatform, String buildPlatform) {

    public static final BuildOptions DEFAULT = new BuildOptions(Map.of(), "linux/amd64", "linux/amd64");

    public BuildOptions {
        buildArgs = Map.copyOf(buildArgs);
    }
}
