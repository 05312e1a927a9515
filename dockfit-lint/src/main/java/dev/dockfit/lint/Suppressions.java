package dev.dockfit.lint;

import dev.dockfit.dockerfile.model.Comment;
import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Range;
import dev.dockfit.finding.Finding;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline ignores: {@code # dockfit ignore=DF001,DF002 reason} above an instruction, {@code # dockfit global
 * ignore=...} anywhere, and hadolint's {@code # hadolint ignore=DL3008} / {@code global ignore} pragmas for
 * the rules that name those hadolint ids.
 */
final class Suppressions {
    private static final Pattern PRAGMA =
            Pattern.compile("^(dockfit|hadolint)\\s+(global\\s+)?ignore\\s*=\\s*([A-Za-z0-9, ]+?)(?:\\s+.*)?$");

    private final Dockerfile file;
    private final Set<String> global = new HashSet<>();
    /** The first and last line of each top-level instruction, and its local ignores: worked out once per file. */
    private final int[] startLines;
    private final int[] endLines;
    private final Map<Instruction, Set<String>> local = new IdentityHashMap<>();

    /** False when no comment can be a pragma: then nothing is suppressed. */
    static boolean anyIn(Dockerfile file) {
        List<Comment> comments = file.comments();
        for (int i = 0; i < comments.size(); i++) {
            if (mayBePragma(comments.get(i).text())) return true;
        }
        return false;
    }

    /** A quick no for most comments, without the regex: {@link #PRAGMA} starts with one of these words. */
    private static boolean mayBePragma(String text) {
        return text.startsWith("dockfit") || text.startsWith("hadolint");
    }

    Suppressions(Dockerfile file) {
        this.file = file;
        List<Instruction> instructions = file.instructions();
        startLines = new int[instructions.size()];
        endLines = new int[instructions.size()];
        for (int k = 0; k < instructions.size(); k++) {
            Range r = file.range(instructions.get(k).span());
            startLines[k] = r.start().line();
            endLines[k] = r.end().line();
        }
        for (Comment c : file.comments()) {
            if (!mayBePragma(c.text())) continue;
            Matcher m = PRAGMA.matcher(c.text());
            if (m.matches() && m.group(2) != null) global.addAll(ids(m.group(3)));
        }
    }

    boolean suppressed(RuleInfo rule, Finding finding) {
        if (matches(rule, global)) return true;
        Instruction at = instructionAt(finding);
        if (at == null) return false;
        return matches(rule, local.computeIfAbsent(at, this::localIds));
    }

    private Set<String> localIds(Instruction at) {
        Set<String> ids = new HashSet<>();
        for (Comment c : file.commentsBefore(at)) {
            if (!mayBePragma(c.text())) continue;
            Matcher m = PRAGMA.matcher(c.text());
            if (m.matches() && m.group(2) == null) ids.addAll(ids(m.group(3)));
        }
        return ids;
    }

    /** The top-level instruction a finding points into (ignore comments sit above it). */
    private Instruction instructionAt(Finding f) {
        if (!f.location().hasPosition()) return null;
        int line = f.location().line();
        Instruction found = null;
        for (int k = 0; k < startLines.length; k++) {
            if (line >= startLines[k] && line <= endLines[k]) return file.instructions().get(k);
            if (startLines[k] <= line) found = file.instructions().get(k);
        }
        return found;
    }

    private static boolean matches(RuleInfo rule, Set<String> ids) {
        if (ids.isEmpty()) return false;
        if (ids.contains(rule.id())) return true;
        for (String h : rule.hadolint()) if (ids.contains(h)) return true;
        return false;
    }

    private static Set<String> ids(String list) {
        Set<String> out = new HashSet<>();
        for (String s : list.split("[,\\s]+")) if (!s.isBlank()) out.add(s.strip().toUpperCase(java.util.Locale.ROOT));
        return out;
    }
}
