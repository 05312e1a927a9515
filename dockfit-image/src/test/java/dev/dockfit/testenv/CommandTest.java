package dev.dockfit.testenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTest {
  @Test
  void returnsWhatTheCommandPrinted() {
    Command.Result result = Command.run(List.of("sh", "-c", "echo out; echo err >&2"), Duration.ofSeconds(30));

    assertThat(result.stdout()).isEqualTo("out\n");
    assertThat(result.stderr()).isEqualTo("err\n");
  }

  @Test
  void failureCarriesTheCommandExitCodeAndStderrTail() {
    List<String> command = List.of("sh", "-c", "echo step one >&2; echo the real reason >&2; exit 3");

    CommandFailedException failure = catchThrowableOfType(CommandFailedException.class,
        () -> Command.run(command, Duration.ofSeconds(30)));

    assertThat(failure.command()).isEqualTo(command);
    assertThat(failure.exitCode()).isEqualTo(3);
    assertThat(failure.stderrTail()).endsWith("the real reason");
    assertThat(failure.getMessage()).startsWith("sh -c echo step one").contains("exit code 3", "the real reason");
  }

  @Test
  void longStderrIsCutToItsEnd() {
    CommandFailedException failure = catchThrowableOfType(CommandFailedException.class, () -> Command.run(
        List.of("sh", "-c", "for i in $(seq 1 3000); do echo line $i >&2; done; exit 1"), Duration.ofSeconds(30)));

    assertThat(failure.stderrTail()).startsWith("...").endsWith("line 3000").doesNotContain("line 1\n");
  }

  @Test
  void aCommandThatOutlivesItsTimeoutIsKilledAndReported() {
    CommandFailedException failure = catchThrowableOfType(CommandFailedException.class,
        () -> Command.run(List.of("sh", "-c", "echo started >&2; sleep 60"), Duration.ofMillis(500)));

    assertThat(failure.exitCode()).isEqualTo(-1);
    assertThat(failure.getMessage()).contains("timed out").contains("started");
  }

  @Test
  void aMissingProgramIsReportedNotThrownAsIoError() {
    CommandFailedException failure = catchThrowableOfType(CommandFailedException.class,
        () -> Command.run(List.of("/nonexistent/dockfit-no-such-tool"), Duration.ofSeconds(5)));

    assertThat(failure.getMessage()).contains("cannot start");
  }
}
