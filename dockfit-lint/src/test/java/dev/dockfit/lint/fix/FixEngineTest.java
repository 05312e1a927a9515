package dev.dockfit.lint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintConfig;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Linter;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixEngineTest {

    @Test
    void bytesOutsideTheEditsStayAsTheyWere() {
        String in = "# syntax=docker/dockerfile:1\n\n# install\nFROM debian:bookworm-slim\n\n"
                + "run   apt-get update \\\n  # a comment inside\n  && apt-get install -y curl\t\\\n  && rm -rf /var/lib/apt/lists/*   \n"
                + "\nUSER nobody\n";
        String out = Fixing.fixed(in, FixLevel.SAFE, "DF400");
        assertThat(out).isEqualTo(in.replace("install -y", "install --no-install-recommends -y"));
    }

    @Test
    void insertedLinesUseTheFilesCrlfLineEndings() {
        String in = "FROM debian:bookworm-slim\r\nWORKDIR /app\r\nCOPY app.sh .\r\nCMD [\"./app.sh\"]\r\n";
        String out = Fixing.fixed(in, FixLevel.RECOMMENDED);
        assertThat(out).contains("RUN groupadd -r app && useradd -r -g app app\r\n", "USER app\r\nCMD")
                .contains("COPY --chown=app:app app.sh .\r\n");
        assertThat(out.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void aFileThatDoesNotParseIsNeverTouched() {
        FixResult r = Fixing.fix("FROM debian\nENV PATH\nRUN apt-get install -y x\n", FixLevel.ALL);
        assertThat(r.parseError()).startsWith("Dockerfile:2:");
        assertThat(r.fixed()).isEqualTo(r.original());
        assertThat(r.applied()).isEmpty();
    }

    @Test
    void levelAndOnlySelectTheFixes() {
        String in = "FROM debian:bookworm-slim\nRUN apt-get install -y x\nCMD [\"x\"]\n";
        assertThat(Fixing.fixed(in, FixLevel.SAFE)).doesNotContain("USER").contains("--no-install-recommends");
        assertThat(Fixing.fixed(in, FixLevel.RECOMMENDED, "DF001")).contains("USER app").doesNotContain("--no-install");
        assertThat(Fixing.fixed(in, FixLevel.RECOMMENDED)).contains("USER app", "--no-install-recommends");
    }

    @Test
    void fixingAFixedFileChangesNothing() {
        String in = "FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"python\", \"app.py\"]\n";
        FixResult once = Fixing.fix(in, FixLevel.ALL);
        assertThat(once.applied()).isNotEmpty();
        FixResult twice = Fixing.fix(once.fixed(), FixLevel.ALL, null);
        assertThat(twice.fixed()).isEqualTo(once.fixed());
        assertThat(twice.applied()).isEmpty();
    }

    @Test
    void theFivePracticesOnANaivePythonFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("requirements.txt"), "flask\n");
        String in = "FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"python\", \"app.py\"]\n";
        FixResult r = Fixing.fix(in.getBytes(StandardCharsets.UTF_8), FixLevel.RECOMMENDED, dir);
        assertThat(new String(r.fixed(), StandardCharsets.UTF_8)).isEqualTo("""
                FROM python:3.11-slim
                WORKDIR /app
                RUN groupadd -r app && useradd -r -g app app
                COPY --chown=app:app requirements.txt ./
                RUN pip install --no-cache-dir -r requirements.txt
                COPY --chown=app:app . .
                USER app
                CMD ["python", "app.py"]
                """);
        assertThat(r.newFiles()).containsKey(".dockerignore");
        assertThat(r.newFiles().get(".dockerignore")).contains(".git\n", "__pycache__");
        assertThat(r.applied()).extracting(Proposal::practice)
                .contains(Practice.LEAST_PRIVILEGE, Practice.LAYER_CACHE, Practice.BASE_IMAGE);
        assertThat(r.applied()).filteredOn(p -> p.rule().equals("DF201")).singleElement()
                .satisfies(p -> assertThat(p.effect()).contains("MB smaller"));
    }

    @Test
    void anExistingDockerignoreIsNeverReplaced(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".dockerignore"), "mine\n");
        FixResult r = Fixing.fix("FROM debian:bookworm-slim\nCOPY . /srv\n".getBytes(StandardCharsets.UTF_8),
                FixLevel.RECOMMENDED, dir);
        assertThat(r.newFiles()).isEmpty();
    }

    @Test
    void chownAfterCopyFoldsIntoCopyChown() {
        String in = "FROM debian:bookworm-slim\nRUN groupadd -r web && useradd -r -g web web\nWORKDIR /srv\n"
                + "COPY site/ /srv/site\nRUN chown -R web:web /srv/site\nUSER web\n";
        assertThat(Fixing.fixed(in, FixLevel.RECOMMENDED)).isEqualTo("FROM debian:bookworm-slim\n"
                + "RUN groupadd -r web && useradd -r -g web web\nWORKDIR /srv\nCOPY --chown=web:web site/ /srv/site\nUSER web\n");
    }

    @Test
    void userFollowsTheBaseDistribution() {
        assertThat(Fixing.fixed("FROM alpine:3.20\nCOPY x /app/x\nCMD [\"/app/x\"]\n", FixLevel.RECOMMENDED))
                .contains("RUN addgroup -S app && adduser -S -G app app\nCOPY --chown=app:app x /app/x\nUSER app\nCMD");
        assertThat(Fixing.fixed("FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"i.js\"]\n", FixLevel.RECOMMENDED, "DF001"))
                .isEqualTo("FROM node:22-slim\nWORKDIR /app\nCOPY --chown=node:node . .\nUSER node\nCMD [\"node\", \"i.js\"]\n");
        FixResult low = Fixing.fix("FROM debian:bookworm-slim\nEXPOSE 80\nCMD [\"x\"]\n", FixLevel.RECOMMENDED, "DF001");
        assertThat(low.applied()).isEmpty();
        assertThat(low.suggestions()).singleElement().satisfies(s -> assertThat(s.refusal()).contains("port 80"));
    }

    @Test
    void slimSwapRefusedWhenTheStageNeedsAToolOnlyTheFullImageHas() {
        FixResult r = Fixing.fix("FROM python:3.11\nRUN curl -o /x https://example.org/x\nUSER nobody\n", FixLevel.RECOMMENDED, "DF201");
        assertThat(r.fixed()).isEqualTo(r.original());
        assertThat(r.suggestions()).singleElement().satisfies(s -> assertThat(s.refusal()).contains("curl"));
        assertThat(Fixing.fixed("FROM python:3.11\nRUN apt-get update && apt-get install -y curl && curl -V\nUSER nobody\n",
                FixLevel.RECOMMENDED, "DF201")).startsWith("FROM python:3.11-slim\n");
    }

    // ---- engine mechanics with rules that bring their own fixes ---------------------------------------------

    @RuleDoc(id = "DF990", title = "t", severity = Severity.WARNING, practice = Practice.CORRECTNESS, why = "w",
            bad = "FROM alpine\n", good = "FROM alpine:3\n")
    static final class PinAlpine extends Rule {
        @Override
        public void check(LintContext ctx) {
            ctx.instructions().stream().filter(i -> i.is("FROM") && i.argValues().get(0).equals("alpine"))
                    .forEach(i -> ctx.report(i.args().get(0).span(), "pin", new Fix("pin", FixLevel.SAFE,
                            List.of(new TextEdit(i.args().get(0).span(), "alpine:3")))));
        }
    }

    @RuleDoc(id = "DF991", title = "t", severity = Severity.WARNING, practice = Practice.CORRECTNESS, why = "w",
            bad = "FROM alpine\n", good = "FROM debian\n")
    static final class UseDebian extends Rule {
        @Override
        public void check(LintContext ctx) {
            ctx.instructions().stream().filter(i -> i.is("FROM") && i.argValues().get(0).equals("alpine"))
                    .forEach(i -> ctx.report(i.args().get(0).span(), "debian", new Fix("debian", FixLevel.SAFE,
                            List.of(new TextEdit(i.args().get(0).span(), "debian")))));
        }
    }

    @RuleDoc(id = "DF992", title = "t", severity = Severity.WARNING, practice = Practice.CORRECTNESS, why = "w",
            bad = "FROM alpine\nENV A=1\n", good = "FROM alpine\n")
    static final class BreakEnv extends Rule {
        @Override
        public void check(LintContext ctx) {
            ctx.instructions().stream().filter(i -> i.is("ENV")).forEach(i -> ctx.report(i.keywordSpan(), "env",
                    new Fix("drop the value", FixLevel.SAFE, List.of(new TextEdit(
                            new Span(i.args().get(0).span().start(), i.argsText().span(0, i.argsText().length()).end()), "A")))));
        }
    }

    private static FixResult run(String text, Rule... rules) {
        return new FixEngine(new Linter(List.of(rules), LintConfig.DEFAULT), new FixOptions(FixLevel.ALL, Set.of()))
                .fix("Dockerfile", text.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void overlappingFixesAreRefusedAndTheLaterOneBecomesASuggestion() {
        FixResult r = run("FROM alpine\nUSER nobody\n", new PinAlpine(), new UseDebian());
        assertThat(new String(r.fixed(), StandardCharsets.UTF_8)).isEqualTo("FROM alpine:3\nUSER nobody\n");
        assertThat(r.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo("DF991");
            assertThat(s.refusal()).contains("overlap");
        });
    }

    @Test
    void aFixThatBreaksTheFileIsDroppedWithTheReason() {
        FixResult r = run("FROM alpine\nENV A=1\n", new BreakEnv());
        assertThat(r.fixed()).isEqualTo(r.original());
        assertThat(r.suggestions()).singleElement().satisfies(s -> assertThat(s.refusal()).contains("would not parse"));
    }
}
