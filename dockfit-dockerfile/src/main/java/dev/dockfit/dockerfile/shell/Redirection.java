package dev.dockfit.dockerfile.shell;

import java.util.Optional;

/**
 * A redirection of a simple command: {@code > file}, {@code 2>&1}, {@code &>> log}, {@code < in},
 * {@code <<< word}, or a heredoc {@code <<EOF} / {@code <<-EOF}.
 */
public final class Redirection {

    /**
     * A heredoc. Its body is the text between the line after the command and the delimiter line; a body is
     * absent when the text ends before it (a Dockerfile-level heredoc whose body the parser holds separately).
     *
     * @param delimiter the delimiter word's literal value
     * @param quoted    true when the delimiter had quotes or escapes: the body is then not expanded
     * @param stripTabs {@code <<-}: leading tabs are removed from body lines and the delimiter line
     * @param bodyStart char offset of the body's first line, or -1 when absent
     * @param bodyEnd   char offset just past the body's last line break (start of the delimiter line), or -1
     */
    public record Heredoc(String delimiter, boolean quoted, boolean stripTabs, int bodyStart, int bodyEnd) {
        public boolean hasBody() {
            return bodyStart >= 0;
        }
    }

    private final String operator;
    private final int fd;
    private final ShellWord target;
    private final int start;
    private final int end;
    private final Heredoc heredoc;

    Redirection(String operator, int fd, ShellWord target, int start, int end, Heredoc heredoc) {
        this.operator = operator;
        this.fd = fd;
        this.target = target;
        this.start = start;
        this.end = end;
        this.heredoc = heredoc;
    }

    /** The operator without the descriptor: {@code >}, {@code >>}, {@code <}, {@code <<}, {@code <<-}, {@code <<<},
     * {@code >&}, {@code <&}, {@code <>}, {@code >|}, {@code &>}, {@code &>>}. */
    public String operator() {
        return operator;
    }

    /** The descriptor written before the operator ({@code 2} in {@code 2>&1}), or -1 when none is written. */
    public int fd() {
        return fd;
    }

    /** The file, descriptor or heredoc delimiter word; empty when the script lacks it. */
    public Optional<ShellWord> target() {
        return Optional.ofNullable(target);
    }

    public Optional<Heredoc> heredoc() {
        return Optional.ofNullable(heredoc);
    }

    /** Char offset of the descriptor or operator. */
    public int start() {
        return start;
    }

    /** Char offset just past the target (or the operator when the target is missing). */
    public int end() {
        return end;
    }

    @Override
    public String toString() {
        return (fd >= 0 ? Integer.toString(fd) : "") + operator + (target != null ? target.raw() : "");
    }
}
