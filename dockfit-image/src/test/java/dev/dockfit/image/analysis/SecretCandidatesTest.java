package dev.dockfit.image.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The credential-file name test: examples both ways, and agreement with the regular expression it replaced. */
class SecretCandidatesTest {
    /** The definition the string tests implement (the walk used it per file until they replaced it). */
    private static final Pattern DEFINITION = Pattern.compile(
            ".*/(\\.env(\\.[^/]+)?|[^/]*\\.(pem|key|p8)|id_(rsa|dsa|ecdsa|ed25519)|\\.npmrc|\\.pypirc|\\.netrc"
                    + "|\\.git-credentials|\\.aws/credentials|\\.docker/config\\.json|[^/]*credentials[^/]*\\.json"
                    + "|[^/]*service[-_]account[^/]*\\.json|\\.vault-token)");

    @Test
    void credentialFilesAreCandidates() {
        for (String p : List.of("/app/.env", "/app/.env.production", "/etc/ssl/private/server.key", "/srv/cert.pem",
                "/AuthKey.p8", "/root/.ssh/id_rsa", "/home/u/.ssh/id_ed25519", "/root/.npmrc", "/root/.pypirc",
                "/root/.netrc", "/root/.git-credentials", "/root/.aws/credentials", "/root/.docker/config.json",
                "/app/gcp-credentials.json", "/app/credentials.json", "/app/my-service_account-key.json",
                "/root/.vault-token")) {
            assertThat(Secrets.isCandidate(p)).as(p).isTrue();
        }
    }

    @Test
    void otherFilesAreNot() {
        for (String p : List.of("/app/.envrc", "/app/.env.", "/app/env", "/etc/keys", "/root/.ssh/id_rsa.pub",
                "/root/.ssh/known_hosts", "/app/credentials.yaml", "/app/credentials.json/readme",
                "/app/credentials.jsonx", "/etc/aws/credentials", "/app/docker/config.json", "/app/package.json",
                "/app/.credentials", "/app/service-accounts.txt", ".env")) {
            assertThat(Secrets.isCandidate(p)).as(p).isFalse();
        }
    }

    @Property(tries = 3000)
    void agreesWithTheDefinition(@ForAll("paths") String path) {
        assertThat(Secrets.isCandidate(path)).as(path).isEqualTo(DEFINITION.matcher(path).matches());
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> part = Arbitraries.of(".env", ".env.", "x", "id_rsa", "id_", "rsa", ".pem", ".key", ".p8",
                ".json", "credentials", "service", "-", "_", "account", ".aws", ".docker", "config", ".npmrc",
                ".vault-token", ".git-credentials", ".netrc", "/", "/", "/");
        return part.list().ofMinSize(1).ofMaxSize(7).map(parts -> String.join("", parts));
    }
}
