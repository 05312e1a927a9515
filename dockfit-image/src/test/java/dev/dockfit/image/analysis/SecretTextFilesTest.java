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

/** Which files the secret scanner reads: examples both ways, and agreement with the regular expression it replaced. */
class SecretTextFilesTest {
    /** The definition the string tests implement (the walk matched it against every small file until they replaced it). */
    private static final Pattern DEFINITION = Pattern.compile(
            "(?i).*\\.(env|json|ya?ml|properties|conf|cfg|ini|toml|sh|js|mjs|cjs|ts|py|rb|php|go|java|kt|cs|tf|tfvars)$"
                    + "|(?i).*/[^/]*(secret|token|key|cred|passw|auth)[^/]*\\.txt$");

    @Test
    void configurationSourceAndCredentialTextFilesAreScanned() {
        for (String p : List.of("/app/config.yml", "/app/settings.YAML", "/srv/app.properties", "/app/main.tf",
                "/app/prod.tfvars", "/app/index.MJS", "/app/.env", "/app/run.sh", "/app/API_TOKEN.txt",
                "/app/my-Secret-notes.TXT", "/home/u/passwords.txt", "/app/aws-creds.txt")) {
            assertThat(SecretScanner.isTextFile(p)).as(p).isTrue();
        }
    }

    @Test
    void otherFilesAreNot() {
        for (String p : List.of("/app/readme.txt", "/app/notes.txt", "/app/key/readme.txt", "/app/app.jar",
                "/app/json", "/app/x.json/readme", "/app/x.envrc", "/app/token.txt.bak", "/app/a\nb.json",
                "/app\r/config.yml", "/app/key.tx")) {
            assertThat(SecretScanner.isTextFile(p)).as(p).isFalse();
        }
    }

    @Property(tries = 5000)
    void agreesWithTheDefinition(@ForAll("paths") String path) {
        assertThat(SecretScanner.isTextFile(path)).as(path).isEqualTo(DEFINITION.matcher(path).matches());
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> part = Arbitraries.of("/", "/", "/", ".", ".", "x", "json", "JSON", "yml", "yaml", "ya", "ml",
                "env", "tf", "vars", "sh", "txt", ".txt", ".TXT", "secret", "TOKEN", "Key", "ke", "y", "cred", "passw",
                "auth", "\n", "\r", "\u0085", "\u2028", "\u2029", "\u212a", "é");
        return part.list().ofMinSize(1).ofMaxSize(7).map(parts -> String.join("", parts));
    }
}
