package dev.dockfit.lint.fix;

import dev.dockfit.lint.LintResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The outcome of fixing one file.
 *
 * @param original   the bytes read
 * @param fixed      the bytes after every applied fix (equal to {@code original} when nothing applied)
 * @param applied    the fixes applied, in the order of the rounds
 * @param suggestions fixes not applied, each with its reason
 * @param newFiles   files to create next to the Dockerfile (name to content), never replacing an existing one
 * @param parseError the one-line parse error when the file does not parse (then nothing is touched), or null
 * @param remaining  the lint result of the fixed file (null on a parse error)
 */
public record FixResult(byte[] original, byte[] fixed, List<Proposal> applied, List<Proposal> suggestions,
                        Map<String, String> newFiles, String parseError, LintResult remaining) {

    public FixResult {
        applied = List.copyOf(applied);
        suggestions = List.copyOf(suggestions);
        newFiles = Map.copyOf(newFiles);
    }

    public boolean changed() {
        return !Arrays.equals(original, fixed) || !newFiles.isEmpty();
    }
}
