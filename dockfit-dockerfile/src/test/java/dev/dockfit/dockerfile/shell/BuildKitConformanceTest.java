package dev.dockfit.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** BuildKit's own lexer cases (../shared/conformance/buildkit-shell, see its README for the file formats). */
class BuildKitConformanceTest {

    private static final WordExpander EXPANDER = new WordExpander('\\');

    private static List<String> lines(String file) throws IOException {
        String root = System.getProperty("dockfit.root", Path.of("").toAbsolutePath().getParent().toString());
        Path path = Path.of(root).resolve("../shared/conformance/buildkit-shell").resolve(file).normalize();
        Assumptions.assumeTrue(Files.isRegularFile(path),
                "SKIPPED: BuildKit conformance data not found at " + path + " (../shared is missing)");
        return Files.readAllLines(path, StandardCharsets.UTF_8);
    }

    @Test
    void envVarTestUnixAndAllLines() throws IOException {
        Env env = Env.of(Map.of("PWD", "/home", "SHELL", "bash", "KOREAN", "한국어", "NULL", ""));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        List<String> lines = lines("envVarTest");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] fields = line.strip().split("\\|", -1);
            assertThat(fields).as("line %d", i + 1).hasSize(3);
            String platform = fields[0].strip();
            if (!platform.equals("A") && !platform.equals("U")) continue;
            String input = fields[1].strip();
            String expected = fields[2].strip();
            checked++;
            String actual;
            try {
                actual = EXPANDER.expandWord(input, env).value();
            } catch (ExpansionException e) {
                actual = "error";
            }
            if (!actual.equals(expected)) {
                failures.add("line " + (i + 1) + ": " + input + " -> [" + actual + "], expected [" + expected + "]");
            }
        }
        assertThat(checked).isGreaterThan(200);
        assertThat(failures).as("failing envVarTest lines").isEmpty();
    }

    @Test
    void wordsTestLines() throws IOException {
        Map<String, String> values = new HashMap<>();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        List<String> lines = lines("wordsTest");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") || line.isEmpty()) continue;
            if (line.startsWith("ENV ")) {
                String assignment = line.substring(3).replaceFirst("^ +", "");
                int eq = assignment.indexOf('=');
                values.put(assignment.substring(0, eq), assignment.substring(eq + 1));
                continue;
            }
            String[] fields = line.split("\\|", -1);
            assertThat(fields).as("line %d", i + 1).hasSize(2);
            String input = fields[0].strip();
            List<String> expected = List.of(fields[1].replaceFirst("^ +", "").split(",", -1));
            checked++;
            List<String> actual;
            try {
                actual = EXPANDER.expandWords(input, Env.of(values));
            } catch (ExpansionException e) {
                actual = List.of("error");
            }
            if (!actual.equals(expected)) {
                failures.add("line " + (i + 1) + ": " + input + " -> " + actual + ", expected " + expected);
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(failures).as("failing wordsTest lines").isEmpty();
    }
}
