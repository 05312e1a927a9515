package dev.dockfit.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Basic credentials from {@code ~/.docker/config.json} ({@code auths.<registry>.auth}, base64 of user:password). */
final class Credentials {
    private Credentials() {
    }

    /** The base64 {@code user:password} for a registry, if the config file has one. */
    static Optional<String> basicAuth(Path dockerConfig, String registry) {
        if (dockerConfig == null || !Files.isRegularFile(dockerConfig)) return Optional.empty();
        JsonNode auths;
        try {
            auths = new ObjectMapper().readTree(dockerConfig.toFile()).path("auths");
        } catch (IOException e) {
            return Optional.empty(); // an unreadable config means anonymous access, as docker does
        }
        List<String> keys = registry.equals("registry-1.docker.io")
                ? List.of("https://index.docker.io/v1/", "index.docker.io", "docker.io", "registry-1.docker.io")
                : List.of(registry, "https://" + registry, "http://" + registry, "https://" + registry + "/v2/");
        for (String key : keys) {
            String auth = auths.path(key).path("auth").asText("");
            if (!auth.isEmpty()) return Optional.of(auth);
        }
        return Optional.empty();
    }
}
