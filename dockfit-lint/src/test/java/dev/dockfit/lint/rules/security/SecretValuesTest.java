package dev.dockfit.lint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.dockerfile.shell.ShellParser;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecretValuesTest {
    /** One credential of each format (the rule's own examples and test values). */
    private static final List<String> CREDENTIALS = List.of(
            "AKIAZ7Q3JX4PLM2RT6WB",
            "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
            "github_pat_" + "11ABCDEFG0123456789_abcdefghijklmnop",
            "glpat-" + "abcdefghij0123456789",
            "xoxb-" + "1234567890-abcdef",
            "-----BEGIN RSA PRIVATE KEY-----",
            "sk_live_" + "0123456789abcdefghijklmn",
            "AIza" + "SyA1234567890abcdefghijklmnopqrstuv",
            "npm_" + "abcdefghijklmnopqrstuvwxyz0123456789",
            "dckr_pat_" + "abcdefghijklmnopqrstuvwxyz0",
            "https://deploy:s3cr3tT0ken@git.example.com/x.git");

    @Test
    void aScriptWithACredentialInAnyQuotingMayHoldOne() {
        Random random = new Random(42);
        for (String credential : CREDENTIALS) {
            assertThat(SecretValues.find(credential)).as(credential).isPresent();
            for (int round = 0; round < 200; round++) {
                String text = "echo start && curl -H " + quoted(credential, random) + " https://example.com";
                SimpleCommand curl = ShellParser.parse(text).commandsNamed("curl").get(0);
                ShellWord word = curl.args().get(1);
                assertThat(word.literal()).as(text).isEqualTo(credential);
                assertThat(SecretValues.mayBeInScript(text)).as(text).isTrue();
            }
        }
    }

    @Test
    void aScriptWithoutMarkersHoldsNone() {
        assertThat(SecretValues.mayBeInScript("apt-get update && apt-get install -y --no-install-recommends curl"))
                .isFalse();
        assertThat(SecretValues.mayBeInScript("git clone https://github.com/x/y.git /src && npm ci")).isFalse();
        assertThat(SecretValues.mayBeInScript("curl -fsSL https://example.com/install.sh | sh")).isFalse();
    }

    /** The text written as a shell word, each piece quoted, escaped or continued at random. */
    private static String quoted(String text, Random random) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + 1 + random.nextInt(4));
            String piece = text.substring(i, end);
            switch (random.nextInt(6)) {
                case 0 -> out.append('\'').append(piece).append('\'');
                case 1 -> out.append('"').append(piece).append('"');
                case 2 -> out.append("$'").append(piece).append('\'');
                case 3 -> piece.chars().forEach(c -> out.append('\\').append((char) c));
                case 4 -> out.append(piece.replace(" ", "\\ ")).append("\\\n");
                default -> out.append(piece.replace(" ", "' '"));
            }
            i = end;
        }
        return out.toString();
    }
}
