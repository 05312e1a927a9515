package dev.dockfit.lint.fix.practice;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.finding.Practice;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.lint.fix.SideFileFix;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * layer-cache (DF302): a Dockerfile that copies its whole context, with no {@code .dockerignore} next to it, gets
 * one: VCS data, dependency and build output directories of the ecosystems the context shows, local env files and
 * logs. A directory the Dockerfile copies by name is never ignored.
 */
public final class DockerignoreFix implements SideFileFix {
    static final String RULE = "DF302";
    static final String NAME = ".dockerignore";

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public FixLevel level() {
        return FixLevel.RECOMMENDED;
    }

    @Override
    public Optional<NewFile> propose(FixInput in) {
        if (!in.wants(RULE) || in.contextDir().isEmpty() || in.contextHas(NAME)) return Optional.empty();
        if (in.file().instructions().stream().noneMatch(StageFacts::copiesWholeContext)) return Optional.empty();
        Set<String> named = new LinkedHashSet<>();
        for (Instruction i : in.file().instructions()) {
            if (i.is("COPY") || i.is("ADD")) {
                for (String s : StageFacts.sources(i)) named.add(s.replaceAll("^\\./", "").replaceAll("/.*", ""));
            }
        }
        List<String> lines = new ArrayList<>(List.of(".git", ".gitignore", ".env", "*.log", NAME));
        if (in.contextHas("package.json")) lines.addAll(List.of("node_modules", "npm-debug.log*", "coverage"));
        if (in.contextHas("pom.xml")) lines.add("target");
        if (in.contextHas("build.gradle") || in.contextHas("build.gradle.kts")) lines.addAll(List.of(".gradle", "build"));
        if (in.contextHas("requirements.txt") || in.contextHas("pyproject.toml") || in.contextHas("setup.py")) {
            lines.addAll(List.of("__pycache__", "*.pyc", ".venv", ".pytest_cache"));
        }
        lines.removeIf(named::contains);
        String content = String.join("\n", lines) + "\n";
        return Optional.of(new NewFile(NAME, content, Proposal.of(RULE, Practice.LAYER_CACHE,
                new Fix(NAME + " written (" + String.join(", ", lines) + ")", FixLevel.RECOMMENDED, List.of()),
                "a smaller build context; editing these files no longer invalidates COPY .")));
    }
}
