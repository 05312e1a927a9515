package dev.dockfit.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every shell-form RUN script of the real-world Dockerfiles in ../shared/corpus parses without problems.
 * The instructions are extracted with a deliberately small reader (continuations joined, comment lines
 * inside an instruction dropped, Dockerfile heredoc bodies analysed as scripts of their own).
 */
class CorpusRunScriptsTest {

    private static final Pattern RUN = Pattern.compile("(?i)^\\s*RUN\\s+((?:--\\S+\\s+)*)(.*)$", Pattern.DOTALL);
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\2");

    @Test
    void runScriptsOfTheCorpusParseCleanly() throws IOException {
        String root = System.getProperty("dockfit.root", Path.of("").toAbsolutePath().getParent().toString());
        Path corpus = Path.of(root).resolve("../shared/corpus/dockerfiles").normalize();
        Assumptions.assumeTrue(Files.isDirectory(corpus),
                "SKIPPED: Dockerfile corpus not found at " + corpus + " (../shared is missing)");
        List<String> failures = new ArrayList<>();
        int scripts = 0;
        int commands = 0;
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus)) {
            files = list.filter(p -> p.toString().endsWith("Dockerfile")).sorted().toList();
        }
        for (Path file : files) {
            for (String script : runScripts(Files.readAllLines(file, StandardCharsets.UTF_8))) {
                ShellScript parsed = ShellParser.parse(script);
                scripts++;
                commands += parsed.commands().size();
                for (ShellScript.Problem p : parsed.problems()) {
                    failures.add(file.getFileName() + ": " + p.message() + " at " + p.offset() + " in: " + script);
                }
            }
        }
        assertThat(scripts).isGreaterThan(500);
        assertThat(commands).isGreaterThan(scripts);
        assertThat(failures).as("RUN scripts with problems").isEmpty();
    }

    /** The shell-form RUN scripts and heredoc bodies of a Dockerfile with the default escape token. */
    private static List<String> runScripts(List<String> lines) {
        List<String> scripts = new ArrayList<>();
        // Windows images: backtick escapes and PowerShell or cmd scripts
        if (!lines.isEmpty() && lines.get(0).matches("(?i)#\\s*escape\\s*=\\s*`.*")) return scripts;
        if (lines.stream().anyMatch(l -> l.matches("(?i)\\s*SHELL\\s*\\[.*(powershell|pwsh|cmd).*"))) return scripts;
        int i = 0;
        while (i < lines.size()) {
            StringBuilder instruction = new StringBuilder(lines.get(i++));
            while (endsWithEscape(instruction) && i < lines.size()) {
                instruction.setLength(instruction.toString().stripTrailing().length() - 1);
                while (i < lines.size() && (lines.get(i).isBlank() || lines.get(i).stripLeading().startsWith("#"))) i++;
                if (i < lines.size()) instruction.append(lines.get(i++));
            }
            Matcher run = RUN.matcher(instruction);
            if (!run.matches() || run.group(2).startsWith("[")) continue;
            String script = run.group(2);
            Matcher heredoc = HEREDOC.matcher(script);
            boolean first = true;
            while (heredoc.find()) {
                StringBuilder body = new StringBuilder();
                while (i < lines.size()) {
                    String line = lines.get(i++);
                    String candidate = heredoc.group(1).isEmpty() ? line : line.replaceFirst("^\t+", "");
                    if (candidate.equals(heredoc.group(3))) break;
                    body.append(line).append('\n');
                }
                if (first && script.strip().startsWith("<<")) scripts.add(body.toString());
                first = false;
            }
            scripts.add(script);
        }
        return scripts;
    }

    private static boolean endsWithEscape(CharSequence line) {
        String s = line.toString().stripTrailing();
        return s.endsWith("\\");
    }
}
