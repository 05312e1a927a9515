package dev.dockfit.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The calling process a command runs for: its working directory, environment, whether it talks to a terminal,
 * and its standard input. A direct run takes them from this JVM; the lint server from each request. Commands
 * read these instead of the JVM's own, so that one server process can run requests from many shells at once.
 *
 * @param cwd     absolute working directory; relative paths on the command line are resolved against it
 * @param env     the environment (for a served request, only {@link #SERVED_ENVIRONMENT})
 * @param console standard input and output are both terminals (what {@code System.console() != null} tells)
 * @param stdin   standard input
 * @param stdoutBytes the bytes beneath the command's standard output writer, which encodes UTF-8 into them (a
 *                    command may write UTF-8 here directly, having flushed the writer); null when not known
 */
public record Invocation(Path cwd, Map<String, String> env, boolean console, InputStream stdin, OutputStream stdoutBytes) {

    /**
     * The environment variables the served commands ({@code lint}, {@code parse}) read, all that a client sends.
     * The launcher ({@code ./dockfit}) holds the same list; a test keeps the two equal.
     */
    public static final List<String> SERVED_ENVIRONMENT =
            List.of("NO_COLOR", "HOME", "XDG_CONFIG_HOME", "TERM", "COLUMNS", "CI", "GITHUB_ACTIONS");

    public Invocation {
        if (!cwd.isAbsolute()) throw new IllegalArgumentException("working directory not absolute: " + cwd);
        env = Map.copyOf(env);
    }

    /** An invocation whose standard output is only known as a writer. */
    public Invocation(Path cwd, Map<String, String> env, boolean console, InputStream stdin) {
        this(cwd, env, console, stdin, null);
    }

    /** This JVM's own working directory, environment, console and standard input. */
    public static Invocation ofProcess() {
        return new Invocation(Path.of("").toAbsolutePath(), System.getenv(), System.console() != null, System.in);
    }

    /** A path as the user typed it, resolved against the caller's working directory (null stays null). */
    public Path resolve(Path path) {
        return path == null ? null : cwd.resolve(path);
    }

    public Path resolve(String path) {
        return cwd.resolve(path);
    }

    /** Colour on a terminal only, and never when NO_COLOR is set to anything (https://no-color.org). */
    public boolean colourAllowed() {
        String noColor = env.get("NO_COLOR");
        return console && (noColor == null || noColor.isEmpty());
    }
}
