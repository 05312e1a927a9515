package dev.dockfit.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimpleCommandTest {

    private static SimpleCommand command(String text) {
        return ShellParser.parse(text).commands().get(0);
    }

    @Test
    void shortFlagsMatchInsideClusters() {
        SimpleCommand c = command("apt-get -yq install --no-install-recommends curl");
        assertThat(c.hasFlag("-y")).isTrue();
        assertThat(c.hasFlag("-q")).isTrue();
        assertThat(c.hasFlag("--yes", "-y")).isTrue();
        assertThat(c.hasFlag("-n")).isFalse();
        assertThat(c.hasFlag("--no-install-recommends")).isTrue();
        assertThat(c.hasFlag("--no-install")).isFalse();
    }

    @Test
    void longFlagsWithValues() {
        SimpleCommand c = command("pip install --no-cache-dir --index-url=https://x -r req.txt --target /opt");
        assertThat(c.hasFlag("--index-url")).isTrue();
        assertThat(c.flagValue("--index-url")).contains("https://x");
        assertThat(c.flagValue("--target")).contains("/opt");
        assertThat(c.flagValue("-r", "--requirement")).contains("req.txt");
        assertThat(c.flagValue("--user")).isEmpty();
    }

    @Test
    void shortFlagValuesAttachedOrInClusters() {
        assertThat(command("tar -xzf app.tgz -C /opt").flagValue("-f")).contains("app.tgz");
        assertThat(command("useradd -u1000 app").flagValue("-u")).contains("1000");
        assertThat(command("curl -o=out x").flagValue("-o")).contains("out");
        assertThat(command("curl -o").flagValue("-o")).isEmpty();
    }

    @Test
    void doubleDashEndsOptions() {
        SimpleCommand c = command("rm -f -- -y --force");
        assertThat(c.hasFlag("-f")).isTrue();
        assertThat(c.hasFlag("-y")).isFalse();
        assertThat(c.hasFlag("--force")).isFalse();
    }

    @Test
    void quotedFlagsCountByTheirLiteralValue() {
        assertThat(command("apk add \"--no-cache\" x").hasFlag("--no-cache")).isTrue();
        assertThat(command("apk add $FLAGS x").hasFlag("--no-cache")).isFalse();
    }

    @Test
    void argsAfterASubcommand() {
        SimpleCommand c = command("apt-get -y install curl git=1:2.39 && x");
        assertThat(c.argsAfter("install")).extracting(ShellWord::literal).containsExactly("curl", "git=1:2.39");
        assertThat(c.argsAfter("remove")).isEmpty();
        assertThat(c.args()).hasSize(4);
        assertThat(c.argLiterals()).containsExactly("-y", "install", "curl", "git=1:2.39");
        assertThat(c.hasArg("install", "add")).isTrue();
    }

    @Test
    void shortFlagsCountOnlyBeforeAnEqualsSign() {
        assertThat(command("tool -xo=out").hasFlag("-o")).isTrue();
        assertThat(command("tool -x=o").hasFlag("-o")).isFalse();
        assertThat(command("tool -a=b").hasFlag("-=")).isFalse();
        assertThat(command("tool --yes=1").hasFlag("--yes")).isTrue();
        assertThat(command("tool --yesno").hasFlag("--yes")).isFalse();
        assertThat(command("tool yes").hasFlag("yes")).isTrue();
    }

    @Test
    void oneAndSeveralValues() {
        SimpleCommand c = command("npm ci --omit=dev");
        assertThat(c.hasArg("ci")).isTrue();
        assertThat(c.hasArg("install")).isFalse();
        assertThat(c.hasArg("install", "ci")).isTrue();
        assertThat(c.hasFlag("--omit")).isTrue();
        assertThat(c.hasFlag("--save", "--omit")).isTrue();
        assertThat(c.argsAfter("--omit=dev")).isEmpty();
        assertThat(c.argsAfter("ci")).extracting(ShellWord::raw).containsExactly("--omit=dev");
    }

    @Test
    void commandWithoutArgumentsAnswersEmpty() {
        SimpleCommand c = command("true");
        assertThat(c.args()).isEmpty();
        assertThat(c.argLiterals()).isEmpty();
        assertThat(c.hasFlag("-y")).isFalse();
        assertThat(c.flagValue("-o")).isEmpty();
        assertThat(c.assignments()).isEmpty();
        assertThat(c.redirections()).isEmpty();
    }
}
