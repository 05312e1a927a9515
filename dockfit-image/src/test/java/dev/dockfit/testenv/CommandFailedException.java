package dev.dockfit.testenv;

import java.util.List;

/** A tool run by the test environment failed or timed out; carries the command line and the end of its stderr. */
public final class CommandFailedException extends RuntimeException {
  private final List<String> command;
  private final int exitCode;
  private final String stderrTail;

  CommandFailedException(List<String> command, int exitCode, String reason, String stderrTail) {
    super(String.join(" ", command) + ": " + reason + (stderrTail.isBlank() ? "" : "\n--- stderr (tail) ---\n" + stderrTail));
    this.command = List.copyOf(command);
    this.exitCode = exitCode;
    this.stderrTail = stderrTail;
  }

  public List<String> command() {
    return command;
  }

  /** The exit code, or -1 when the command timed out or could not start. */
  public int exitCode() {
    return exitCode;
  }

  public String stderrTail() {
    return stderrTail;
  }
}
