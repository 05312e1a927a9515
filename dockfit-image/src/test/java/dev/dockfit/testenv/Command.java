package dev.dockfit.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external tool with a timeout. Output goes to temporary files rather than pipes so a chatty tool can
 * never block on a full pipe while we wait for it.
 */
public final class Command {
  private static final int STDERR_TAIL_CHARS = 4000;

  /** What a successful run printed. */
  public record Result(String stdout, String stderr) {}

  private Command() {}

  /** Runs {@code command}; throws {@link CommandFailedException} on a non-zero exit or when {@code timeout} passes. */
  public static Result run(List<String> command, Duration timeout) {
    return run(command, timeout, null);
  }

  /** As {@link #run(List, Duration)}, feeding {@code stdin} (a file) to the command when not null. */
  public static Result run(List<String> command, Duration timeout, Path stdin) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("dockfit-cmd-", ".out");
      err = Files.createTempFile("dockfit-cmd-", ".err");
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
          : ProcessBuilder.Redirect.from(stdin.toFile()));
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new CommandFailedException(command, -1, "cannot start: " + e.getMessage(), "");
      }
      boolean finished = waitFor(process, timeout);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitFor(process, Duration.ofSeconds(10));
        throw new CommandFailedException(command, -1, "timed out after " + timeout.toSeconds() + " s", tail(err));
      }
      if (process.exitValue() != 0) {
        throw new CommandFailedException(command, process.exitValue(), "exit code " + process.exitValue(), tail(err));
      }
      return new Result(read(out), read(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static boolean waitFor(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while waiting for " + process.info().command().orElse("a command"), e);
    }
  }

  /** The last few thousand characters of a log file, for error messages. */
  static String tail(Path file) {
    try {
      String text = read(file);
      return text.length() <= STDERR_TAIL_CHARS ? text.strip() : "..." + text.substring(text.length() - STDERR_TAIL_CHARS).strip();
    } catch (IOException e) {
      return "(could not read " + file + ": " + e.getMessage() + ")";
    }
  }

  /** Lenient decoding: a tool's stray non-UTF-8 byte must not hide its message. */
  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temporary file is harmless
    }
  }
}
