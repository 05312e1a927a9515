package dev.dockfit.lint;

import dev.dockfit.dockerfile.model.Comment;
import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.model.Instruction;
import java.util.HashSet;
import java.util.List;
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

    Suppressions(Dockerfile file) {
        this.file = file;
        for (Comment c : file.comments()) {
            Matcher m = PRAGMA.matcher(c.text());
            if (m.matches() && m.group(2) != null) global.addAll(ids(m.group(3)));
        }
    }

    boolean suppressed(RuleInfo rule, Instruction at) {
        if (matches(rule, global)) return true;
        if (at == null) return false;
        Set<String> local = new HashSet<>();
        List<Comment> above = file.commentsBefore(at);
        for (Comment c : above) {
            Matcher m = PRAGMA.matcher(c.text());
            if (m.matches() && m.group(2) == null) local.addAll(ids(m.group(3)));
        }
        return matches(rule, local);
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
