package dev.dockfit.lint.fix.safe;

import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.lint.LintContext.Reported;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.TextEdit;
import dev.dockfit.lint.support.RunScript;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A shell command a finding is about: the offending command whose source span holds the finding's position,
 * else every offending command of the RUN the finding points into (rules report on different words).
 */
record CommandAt(RunScript script, SimpleCommand command) {

    static List<CommandAt> find(FixInput in, Reported finding, Predicate<SimpleCommand> offending) {
        int offset = in.offset(finding.finding().location());
        Optional<RunScript> rs = in.instructionAt(offset).flatMap(in::script);
        if (rs.isEmpty()) return List.of();
        List<CommandAt> all = rs.get().script().commands().stream().filter(offending)
                .map(c -> new CommandAt(rs.get(), c)).toList();
        List<CommandAt> holding = all.stream().filter(c -> {
            Span s = c.span();
            return s.start() <= offset && offset <= s.end();
        }).toList();
        return holding.isEmpty() ? all : holding;
    }

    Span span() {
        return script.span(command);
    }

    Span span(ShellWord word) {
        return script.span(word);
    }

    /** Inserts {@code " " + text} right after the first argument equal to {@code word}, else after the command name. */
    TextEdit insertAfter(String word, String text) {
        ShellWord at = command.words().get(0);
        for (ShellWord w : command.args()) {
            if (w.literal().equals(word)) {
                at = w;
                break;
            }
        }
        int end = span(at).end();
        return new TextEdit(new Span(end, end), " " + text);
    }
}
