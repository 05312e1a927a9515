package dev.dockfit.lint.fix;

import dev.dockfit.dockerfile.parser.DockerfileParseException;
import dev.dockfit.dockerfile.parser.DockerfileParser;
import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.lint.LintContext.Reported;
import dev.dockfit.lint.LintResult;
import dev.dockfit.lint.Linter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lints a file, applies the fixes of its findings and the practice transformations, re-parses and re-lints the
 * result, and repeats until a round applies nothing (at most {@link #MAX_ROUNDS} rounds). Fixes whose edits
 * conflict with a fix accepted earlier in the round wait for the next round (they are proposed again on the new
 * text); a fix that leaves a file that does not parse is dropped. A file that does not parse is never touched.
 */
public final class FixEngine {
    static final int MAX_ROUNDS = 8;

    private final Linter linter;
    private final FixOptions options;

    public FixEngine(Linter linter, FixOptions options) {
        this.linter = linter;
        this.options = options;
    }

    public FixResult fix(String path, byte[] bytes, Path contextDir) {
        LintResult lint = linter.lint(path, bytes, contextDir);
        if (lint.dockerfile() == null) {
            var f = lint.findings().get(0);
            String error = path + ":" + f.location().line() + ":" + f.location().column() + ": " + f.message();
            return new FixResult(bytes, bytes, List.of(), List.of(), Map.of(), error, lint);
        }
        byte[] current = bytes;
        List<Proposal> applied = new ArrayList<>();
        Map<String, Proposal> suggestions = new LinkedHashMap<>();
        Set<String> dropped = new HashSet<>();
        Map<String, Proposal> overlapped = new LinkedHashMap<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            FixInput in = new FixInput(BuildModel.of(lint.dockerfile()), lint.reported(), contextDir, options.level());
            List<Proposal> accepted = new ArrayList<>();
            List<Proposal> deferred = new ArrayList<>();
            for (Proposal p : proposals(in)) {
                if (!options.selects(p.rule()) || !options.allows(p.fix().level())) continue;
                if (p.refused()) {
                    suggestions.putIfAbsent(key(p), p);
                } else if (!p.fix().edits().isEmpty() && !dropped.contains(key(p))) {
                    if (accepted.stream().anyMatch(a -> EditApplier.conflict(a.fix(), p.fix()))) deferred.add(p);
                    else if (accepted.stream().noneMatch(a -> a.fix().edits().equals(p.fix().edits()))) accepted.add(p);
                }
            }
            deferred.forEach(p -> overlapped.putIfAbsent(key(p), p));
            byte[] next = null;
            while (!accepted.isEmpty()) {
                next = EditApplier.apply(current, edits(accepted));
                String error = parseError(path, next);
                if (error == null) break;
                List<Proposal> culprits = culprits(path, current, accepted);
                if (culprits.isEmpty()) culprits = List.copyOf(accepted);
                for (Proposal c : culprits) {
                    dropped.add(key(c));
                    suggestions.putIfAbsent(key(c), c.refuse("the edited file would not parse: " + error));
                }
                accepted.removeAll(culprits);
                next = null;
            }
            if (accepted.isEmpty()) break;
            applied.addAll(accepted);
            current = next;
            lint = linter.lint(path, current, contextDir);
        }
        Set<String> done = new HashSet<>();
        applied.forEach(p -> done.add(key(p)));
        FixInput last = new FixInput(BuildModel.of(lint.dockerfile()), lint.reported(), contextDir, options.level());
        Set<String> practices = new HashSet<>();
        FixRegistry.fileFixes().forEach(f -> practices.add(f.rule()));
        for (Proposal p : overlapped.values()) {
            // a practice another fix already brought about (a split stage that got its user) needs no suggestion
            if (practices.contains(p.rule()) && !last.wants(p.rule())) continue;
            if (!done.contains(key(p))) suggestions.putIfAbsent(key(p), p.refuse("its edits overlap another fix's"));
        }
        Map<String, String> newFiles = new LinkedHashMap<>();
        Set<String> resolvedBySideFiles = new HashSet<>();
        for (SideFileFix side : FixRegistry.sideFileFixes()) {
            if (!options.selects(side.rule()) || !options.allows(side.level())) continue;
            side.propose(last).ifPresent(s -> {
                newFiles.put(s.name(), s.content());
                applied.add(s.proposal());
                resolvedBySideFiles.add(side.rule());
            });
        }
        // What remains is judged with the new files in place: their rules' findings are resolved.
        LintResult remaining = new LintResult(lint.file(), lint.dockerfile(), lint.reported().stream()
                .filter(r -> !resolvedBySideFiles.contains(r.finding().rule())).toList());
        return new FixResult(bytes, current, applied, List.copyOf(suggestions.values()), newFiles, null, remaining);
    }

    /** The fixes of this round: each finding's (the rule's own, else the registry's), then the practices'. */
    private static List<Proposal> proposals(FixInput in) {
        List<Proposal> out = new ArrayList<>();
        for (Reported r : in.findings()) {
            if (r.fix() != null) {
                out.add(Proposal.of(r.finding().rule(), r.finding().practice(), r.fix(), null));
                continue;
            }
            FixRegistry.forRule(r.finding().rule()).map(f -> f.propose(r, in)).ifPresent(out::add);
        }
        for (FileFix f : FixRegistry.fileFixes()) out.addAll(f.propose(in));
        return out;
    }

    /** The fixes that break the file on their own. */
    private static List<Proposal> culprits(String path, byte[] source, List<Proposal> accepted) {
        return accepted.stream().filter(p -> parseError(path, EditApplier.apply(source, p.fix().edits())) != null).toList();
    }

    private static List<TextEdit> edits(List<Proposal> proposals) {
        return proposals.stream().flatMap(p -> p.fix().edits().stream()).toList();
    }

    private static String parseError(String path, byte[] bytes) {
        try {
            DockerfileParser.parse(path, bytes);
            return null;
        } catch (DockerfileParseException e) {
            return e.getMessage();
        }
    }

    private static String key(Proposal p) {
        return p.rule() + "\0" + p.fix().description();
    }
}
