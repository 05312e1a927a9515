package dev.dockfit.image.analysis;

import dev.dockfit.image.HistoryEntry;
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

    /** The final stage's instructions (after its FROM), continuation lines joined, comments dropped. */
    static List<Instruction> finalStage(String dockerfile) {
        List<Instruction> all = new ArrayList<>();
        String[] lines = dockerfile.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int start = i + 1;
            StringBuilder text = new StringBuilder();
            while (line.endsWith("\\") && i + 1 < lines.length) {
                text.append(line, 0, line.length() - 1).append(' ');
                line = lines[++i].strip();
                while (line.startsWith("#") && i + 1 < lines.length) line = lines[++i].strip();
            }
            text.append(line);
            String[] kw = text.toString().strip().split("\\s+", 2);
            String keyword = kw[0].toUpperCase(Locale.ROOT);
            if (!KEYWORDS.contains(keyword)) continue;
            all.add(new Instruction(start, keyword, kw.length > 1 ? kw[1] : ""));
        }
        int lastFrom = -1;
        for (int i = 0; i < all.size(); i++) if (all.get(i).keyword().equals("FROM")) lastFrom = i;
        return all.subList(lastFrom + 1, all.size());
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
