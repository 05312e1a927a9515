package dev.dockfit.lint.support;

import dev.dockfit.dockerfile.model.MappedText;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.shell.ShellScript;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;

/**
 * A shell script a RUN executes (its shell-form text, or a heredoc body run by a shell) with the mapping
 * from script offsets back to the Dockerfile, so findings point at the exact word.
 */
public record RunScript(ShellScript script, MappedText text) {

    public Span span(ShellWord word) {
        return text.span(word.start(), word.end());
    }

    public Span span(SimpleCommand command) {
        return text.span(command.start(), command.end());
    }
}
