package dev.dockfit.image.analysis;

import dev.dockfit.image.HistoryEntry;
import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.parser.DockerfileParseException;
import dev.dockfit.dockerfile.parser.DockerfileParser;
import dev.dockfit.image.ImageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Matches history steps to the instructions of the Dockerfile's final stage, in order: a step is attributed to
 * the next instruction with the same keyword whose arguments its {@code created_by} text contains (RUN) or whose
 * keyword matches (COPY, ADD ...). Steps of the base image are never matched.
 */
final class DockerfileAttribution {
    record Instruction(int line, String keyword, String args) {
    }

    private static final Set<String> KEYWORDS = Set.of("FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV",
            "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK",
            "SHELL");

    private DockerfileAttribution() {
    }

    /** The final stage's instructions after its FROM, from dockfit's (BuildKit-compatible) parser. */
    static List<Instruction> finalStage(Path file) {
        Dockerfile dockerfile;
        try {
            dockerfile = DockerfileParser.parse(file);
        } catch (IOException e) {
            throw new ImageException(file + ": cannot read Dockerfile (" + e.getMessage() + ")");
        } catch (DockerfileParseException e) {
            throw new ImageException(e.format(file.toString()));
        }
        int last = dockerfile.instructions().stream().mapToInt(i -> i.stage()).max().orElse(-1);
        List<Instruction> out = new ArrayList<>();
        for (dev.dockfit.dockerfile.model.Instruction i : dockerfile.instructions()) {
            if (i.stage() != last || i.is("FROM")) continue;
            out.add(new Instruction(dockerfile.range(i.span()).start().line(), i.keyword(), i.argsText().text()));
        }
        return out;
    }

    /** For each history step, the 1-based Dockerfile line, or 0; {@code firstUserStep} skips the base's steps. */
    static int[] attribute(List<HistoryEntry> history, int firstUserStep, List<Instruction> instructions) {
        int[] lines = new int[history.size()];
        int next = 0;
        for (int h = Math.max(0, firstUserStep); h < history.size(); h++) {
            String by = history.get(h).createdBy() == null ? "" : history.get(h).createdBy();
            String keyword = keywordOf(by);
            for (int k = next; k < instructions.size(); k++) {
                Instruction ins = instructions.get(k);
                if (!ins.keyword().equals(keyword)) continue;
                if (keyword.equals("RUN") && !squash(by).contains(squash(stripExec(ins.args())))) continue;
                lines[h] = ins.line();
                next = k + 1;
                break;
            }
        }
        return lines;
    }

    /** The instruction keyword a {@code created_by} text stands for (classic builder, BuildKit, buildah). */
    static String keywordOf(String createdBy) {
        String s = createdBy.strip();
        int nop = s.indexOf("#(nop)");
        if (nop >= 0) return firstWord(s.substring(nop + 6));
        if (s.startsWith("/bin/sh -c ") || s.startsWith("|")) return "RUN";
        String w = firstWord(s);
        return KEYWORDS.contains(w) ? w : "RUN";
    }

    private static String firstWord(String s) {
        String[] parts = s.strip().split("\\s+", 2);
        return parts[0].toUpperCase(Locale.ROOT);
    }

    /** {@code RUN ["a","b"]} appears in history as {@code a b}. */
    private static String stripExec(String args) {
        String a = args.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            return a.substring(1, a.length() - 1).replaceAll("\"\\s*,\\s*\"", " ").replace("\"", "");
        }
        return a;
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }
}
