package dev.dockfit.testenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ToolsTest {
    @Test
    void findsToolsOnThePath() {
        assertThat(Tools.available("sh")).isTrue();
        assertThat(Tools.find("sh")).hasValueSatisfying(path -> assertThat(path).isExecutable());
    }

    @Test
    void aMissingToolSkipsTheTestNamingTheToolAndHowToInstallIt() {
        assertThatThrownBy(() -> Tools.assumeTools("sh", "dockfit-no-such-tool"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("SKIPPED REAL-COMPONENT TEST")
                .hasMessageContaining("[dockfit-no-such-tool]")
                .hasMessageContaining("apt-get install");
    }

    @Test
    void pathOfAMissingToolIsAnError() {
        assertThatThrownBy(() -> Tools.path("dockfit-no-such-tool"))
                .hasMessageContaining("dockfit-no-such-tool is not installed");
    }
}
