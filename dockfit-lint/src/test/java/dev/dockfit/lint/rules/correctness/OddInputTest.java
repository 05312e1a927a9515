package dev.dockfit.lint.rules.correctness;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintConfig;
import dev.dockfit.lint.Linter;
import dev.dockfit.lint.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The correctness and maintainability rules survive empty, half-written and unresolvable instructions. */
class OddInputTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "FROM a\nCOPY\nADD x\nEXPOSE\nLABEL\nWORKDIR\nUSER\nRUN\nCMD\nENTRYPOINT\nSHELL\nVOLUME\nSTOPSIGNAL\n",
        "FROM a\nHEALTHCHECK\nHEALTHCHECK CMD\nONBUILD\nONBUILD ONBUILD\nMAINTAINER\n",
        "FROM a\nEXPOSE ${\nWORKDIR ${A:?unset}\nUSER ${U:+x}\nLABEL ${K}=${V\nCOPY --chown=${ x /y\n",
        "FROM a\nRUN apt-get\nRUN apt-get -o\nRUN zypper\nRUN yum -y\nRUN go install\nRUN tar\nRUN ln\nRUN cd\n",
        "FROM a\nRUN <<EOF\nEOF\nCOPY <<EOF /x\nhi\nEOF\nRUN [\"apt-get\", \"install\", \"x\"]\nRUN ['\n",
        "FROM a\nRUN echo $(curl x | sh) | tee y\nRUN a | b | c\nRUN { a; b; } | c\nRUN if a | b; then c; fi\n",
        "from a as b\nOnBuild Run echo\nenv a b\nlabel a b\nexpose 1-2-3/UDP\nexpose /tcp\nexpose 80/\n",
        "ARG A\nFROM $A AS x\nFROM x\nCOPY --from=x / /\nARG\nENV A=1 B=$A C=${B:-$A}\n",
        "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-c\"]\n"
                + "WORKDIR C:\\app\nRUN Get-Item x | Remove-Item\nCOPY a b C:\\dest\n",
    })
    void noRuleThrows(String dockerfile) {
        List<Rule> rules = new ArrayList<>(Rules.ALL);
        rules.addAll(dev.dockfit.lint.rules.maintainability.Rules.ALL);
        Set<String> ids = new HashSet<>();
        for (Rule r : rules) ids.add(r.info().id());
        LintConfig config = new LintConfig(Set.of(), ids, Map.of(), Severity.STYLE, List.of(), Map.of(), true);
        assertThatCode(() -> new Linter(rules, config)
                .lint("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), null)).doesNotThrowAnyException();
    }
}
