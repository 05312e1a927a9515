package dev.dockfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void versionAndHelp() {
        assertThat(CliRun.of("--version").out()).startsWith("dockfit ");
        CliRun help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("parse");
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        CliRun r = CliRun.of("--bogus");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo("dockfit: Unknown option: '--bogus'");
    }

    @Test
    void missingCommandIsAUsageError() {
        CliRun r = CliRun.of();
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().count()).isEqualTo(1);
    }
}
