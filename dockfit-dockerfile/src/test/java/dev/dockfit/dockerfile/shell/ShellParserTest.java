package dev.dockfit.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellParserTest {

    private static List<String> names(ShellScript script) {
        return script.commands().stream().map(SimpleCommand::name).toList();
    }

    private static List<String> literals(SimpleCommand command) {
        return command.words().stream().map(ShellWord::literal).toList();
    }

    private static SimpleCommand only(String text) {
        ShellScript script = ShellParser.parse(text);
        assertThat(script.commands()).hasSize(1);
        return script.commands().get(0);
    }

    @Test
    void andOrListWithConnectors() {
        ShellScript s = ShellParser.parse("apt-get update && apt-get install -y curl || echo failed; ls &");
        assertThat(names(s)).containsExactly("apt-get", "apt-get", "echo", "ls");
        List<SimpleCommand> c = s.commands();
        assertThat(c.get(0).before()).isEqualTo(Connector.END);
        assertThat(c.get(0).after()).isEqualTo(Connector.AND);
        assertThat(c.get(1).before()).isEqualTo(Connector.AND);
        assertThat(c.get(1).after()).isEqualTo(Connector.OR);
        assertThat(c.get(2).after()).isEqualTo(Connector.SEQ);
        assertThat(c.get(3).after()).isEqualTo(Connector.BACKGROUND);
        assertThat(s.hasProblems()).isFalse();
    }

    @Test
    void wordsKeepExactOffsetsAndRawText() {
        String text = "  echo   'a b'\"c\"  d";
        SimpleCommand c = only(text);
        assertThat(c.words()).extracting(ShellWord::raw).containsExactly("echo", "'a b'\"c\"", "d");
        ShellWord quoted = c.words().get(1);
        assertThat(text.substring(quoted.start(), quoted.end())).isEqualTo("'a b'\"c\"");
        assertThat(quoted.literal()).isEqualTo("a bc");
        assertThat(c.start()).isEqualTo(2);
        assertThat(c.end()).isEqualTo(text.length());
        assertThat(c.raw()).isEqualTo(text.strip());
    }

    @Test
    void literalAppliesEscapesButKeepsExpansionsVerbatim() {
        SimpleCommand c = only("echo a\\ b \"$HOME/x\" '$HOME' \\$HOME ${A:-b} \"q\\\"x\\y\" $'t\\tn'");
        assertThat(literals(c)).containsExactly("echo", "a b", "$HOME/x", "$HOME", "$HOME", "${A:-b}", "q\"x\\y", "t\tn");
        assertThat(c.words()).extracting(ShellWord::isLiteral)
                .containsExactly(true, true, false, true, true, false, true, true);
    }

    @Test
    void assignmentsBeforeTheCommandAreKeptApart() {
        SimpleCommand c = only("DEBIAN_FRONTEND=noninteractive A+=1 arr[0]=x apt-get install X=1");
        assertThat(c.assignments()).extracting(ShellWord::raw)
                .containsExactly("DEBIAN_FRONTEND=noninteractive", "A+=1", "arr[0]=x");
        assertThat(literals(c)).containsExactly("apt-get", "install", "X=1");
        assertThat(c.name()).isEqualTo("apt-get");
    }

    @Test
    void onlyNameEqualsWordsAreAssignments() {
        SimpleCommand c = only("A[1]+=x _=y A[=z 1A=w cmd");
        assertThat(c.assignments()).extracting(ShellWord::raw).containsExactly("A[1]+=x", "_=y");
        assertThat(literals(c)).containsExactly("A[=z", "1A=w", "cmd");
        assertThat(only("\"A=1\" cmd").assignments()).isEmpty();
    }

    @Test
    void quotedWordsKeepTheirExactTextAndAreNoKeywords() {
        SimpleCommand c = only("'[[' -n \"$x\" ]]");
        assertThat(c.name()).isEqualTo("[[");
        assertThat(c.words()).extracting(ShellWord::raw).containsExactly("'[['", "-n", "\"$x\"", "]]");
        assertThat(c.words()).extracting(ShellWord::toString).containsExactly("'[['", "-n", "\"$x\"", "]]");
        ShellScript s = ShellParser.parse("if true; then \"fi\"; fi");
        assertThat(s.problems()).isEmpty();
        assertThat(s.commands()).extracting(SimpleCommand::name).containsExactly("true", "fi");
    }

    @Test
    void commandsNamedKeepsSourceOrder() {
        ShellScript s = ShellParser.parse("apt-get update && apk add x; apt-get install y | apt z");
        assertThat(s.commandsNamed("apt-get")).extracting(SimpleCommand::raw)
                .containsExactly("apt-get update", "apt-get install y");
        assertThat(s.commandsNamed("apt", "apt-get")).extracting(SimpleCommand::raw)
                .containsExactly("apt-get update", "apt-get install y", "apt z");
        assertThat(s.commandsNamed("apk")).extracting(SimpleCommand::raw).containsExactly("apk add x");
        assertThat(s.commandsNamed("yum")).isEmpty();
        assertThat(s.commandsNamed("yum", "dnf")).isEmpty();
    }

    @Test
    void assignmentOnlyCommandHasNoName() {
        SimpleCommand c = only("A=1 B=\"two words\"");
        assertThat(c.words()).isEmpty();
        assertThat(c.name()).isEmpty();
        assertThat(c.assignments()).hasSize(2);
    }

    @Test
    void arrayAssignmentIsOneWord() {
        SimpleCommand c = only("pkgs=(curl \"git lfs\") install");
        assertThat(c.assignments()).extracting(ShellWord::raw).containsExactly("pkgs=(curl \"git lfs\")");
        assertThat(c.name()).isEqualTo("install");
    }

    @Test
    void nameStripsThePath() {
        assertThat(only("/usr/bin/apt-get update").name()).isEqualTo("apt-get");
        assertThat(only("./configure --prefix=/usr").name()).isEqualTo("configure");
        assertThat(only("\"/bin/sh\" -c x").name()).isEqualTo("sh");
    }

    @Test
    void pipelinesReportPositionsAndPipefail() {
        ShellScript s = ShellParser.parse("set -euo pipefail; curl -fsSL https://x | tar -xz |& tee log");
        List<SimpleCommand> c = s.commands();
        assertThat(c.get(0).inPipeline()).isFalse();
        assertThat(c.subList(1, 4)).extracting(SimpleCommand::pipelineIndex).containsExactly(0, 1, 2);
        assertThat(c.get(1).pipelineSize()).isEqualTo(3);
        assertThat(c.get(2).before()).isEqualTo(Connector.PIPE);
        assertThat(s.hasPipeline()).isTrue();
        assertThat(s.setsPipefail()).isTrue();
    }

    @Test
    void pipefailMustComeBeforeThePipe() {
        assertThat(ShellParser.parse("curl x | sh && set -o pipefail").setsPipefail()).isFalse();
        assertThat(ShellParser.parse("curl x | sh").setsPipefail()).isFalse();
        assertThat(ShellParser.parse("set -eo pipefail && curl x | sh").setsPipefail()).isTrue();
        assertThat(ShellParser.parse("set -o errexit -o pipefail\ncurl x | sh").setsPipefail()).isTrue();
        assertThat(ShellParser.parse("set -o pipefail; set +o pipefail; a | b").setsPipefail()).isTrue();
        assertThat(ShellParser.parse("set +o pipefail; a | b").setsPipefail()).isFalse();
        assertThat(ShellParser.parse("echo set -o pipefail | sh").setsPipefail()).isFalse();
        assertThat(ShellParser.parse("x=$(set -o pipefail); a | b").setsPipefail()).isFalse();
        assertThat(ShellParser.parse("ls").hasPipeline()).isFalse();
    }

    @Test
    void subshellsAndGroupsAreFlattenedAndInheritConnectors() {
        ShellScript s = ShellParser.parse("make && (cd /src; make install) | tee log && { echo a; echo b; }");
        assertThat(names(s)).containsExactly("make", "cd", "make", "tee", "echo", "echo");
        List<SimpleCommand> c = s.commands();
        assertThat(c.get(1).before()).isEqualTo(Connector.AND);
        assertThat(c.get(1).pipelineIndex()).isEqualTo(0);
        assertThat(c.get(2).pipelineIndex()).isEqualTo(0);
        assertThat(c.get(2).after()).isEqualTo(Connector.PIPE);
        assertThat(c.get(3).pipelineIndex()).isEqualTo(1);
        assertThat(c.get(4).before()).isEqualTo(Connector.AND);
        assertThat(c.get(5).after()).isEqualTo(Connector.SEQ);
        assertThat(s.hasProblems()).isFalse();
    }

    @Test
    void innerPipelineWinsInsideAnOuterOne() {
        ShellScript s = ShellParser.parse("(a | b) | c");
        assertThat(s.commands()).extracting(SimpleCommand::pipelineIndex).containsExactly(0, 1, 1);
        assertThat(s.commands()).extracting(SimpleCommand::pipelineSize).containsExactly(2, 2, 2);
    }

    @Test
    void commandSubstitutionsAreListedAsNested() {
        ShellScript s = ShellParser.parse("echo \"v=$(cat /v | tr -d x)\" `id -u` <(ls) && wget $(echo $(date))");
        assertThat(names(s)).containsExactly("echo", "cat", "tr", "id", "ls", "wget", "echo", "date");
        assertThat(s.commands()).extracting(SimpleCommand::inSubstitution)
                .containsExactly(false, true, true, true, true, false, true, true);
        SimpleCommand cat = s.commands().get(1);
        assertThat(cat.before()).isEqualTo(Connector.END);
        assertThat(cat.pipelineIndex()).isZero();
        assertThat(s.commands().get(0).words().get(1).isLiteral()).isFalse();
        assertThat(s.commands().get(5).before()).isEqualTo(Connector.AND);
        assertThat(s.hasPipeline()).isFalse();
    }

    @Test
    void ifElifElse() {
        ShellScript s = ShellParser.parse("if [ -f a ]; then cp a b; elif test -d c; then rm -r c\nelse exit 1; fi && echo ok");
        assertThat(names(s)).containsExactly("[", "cp", "test", "rm", "exit", "echo");
        assertThat(s.commands().get(5).before()).isEqualTo(Connector.AND);
        assertThat(s.hasProblems()).isFalse();
    }

    @Test
    void loops() {
        ShellScript s = ShellParser.parse(
                "for p in a b; do pip install $p; done; while read l; do echo $l; done < f; until false\ndo :; done;"
                        + " for ((i=0; i<3; i++)); do echo $i; done; select x in y; do break; done");
        assertThat(names(s)).containsExactly("pip", "read", "echo", "false", ":", "echo", "break");
        assertThat(s.hasProblems()).isFalse();
    }

    @Test
    void caseBranches() {
        ShellScript s = ShellParser.parse("case \"$(uname -m)\" in\n x86_64|amd64) A=amd64 ;;\n (aarch64) A=arm64;;\n"
                + " *) echo unknown; exit 1 ;;\nesac; echo $A");
        assertThat(names(s)).containsExactly("uname", "", "", "echo", "exit", "echo");
        assertThat(s.commands().get(1).assignments()).extracting(ShellWord::literal).containsExactly("A=amd64");
        assertThat(s.commands().get(5).before()).isEqualTo(Connector.SEQ);
        assertThat(s.hasProblems()).isFalse();
    }

    @Test
    void caseInsideCommandSubstitutionKeepsPatternParens() {
        ShellScript s = ShellParser.parse("x=$(case $a in b) echo b;; esac) && ls");
        assertThat(names(s)).containsExactly("", "echo", "ls");
        assertThat(s.hasProblems()).isFalse();
    }

    @Test
    void functionBodies() {
        ShellScript s = ShellParser.parse("f() { apt-get update; }\nfunction g { rm -rf /tmp/*; }\nfunction h() (ls)\nf");
        assertThat(names(s)).containsExactly("apt-get", "rm", "ls", "f");
        assertThat(s.hasProblems()).isFalse();
    }

    @Test
    void commentsAreSkippedOnlyAtWordStart() {
        ShellScript s = ShellParser.parse("# setup\necho a#b # trailing comment && rm x\nls # done");
        assertThat(names(s)).containsExactly("echo", "ls");
        assertThat(literals(s.commands().get(0))).containsExactly("echo", "a#b");
        assertThat(literals(only("echo $# ${#x}"))).containsExactly("echo", "$#", "${#x}");
    }

    @Test
    void escapedNewlinesJoinWordsAndContinueCommands() {
        String text = "apt-get install -y \\\n    curl \\\n    gi\\\nt && ls";
        ShellScript s = ShellParser.parse(text);
        assertThat(names(s)).containsExactly("apt-get", "ls");
        SimpleCommand install = s.commands().get(0);
        assertThat(literals(install)).containsExactly("apt-get", "install", "-y", "curl", "git");
        ShellWord git = install.words().get(4);
        assertThat(git.raw()).isEqualTo("gi\\\nt");
        assertThat(text.substring(git.start(), git.end())).isEqualTo(git.raw());
        assertThat(literals(only("echo \"a\\\nb\""))).containsExactly("echo", "ab");
    }

    @Test
    void heredocBodiesAreSkippedAsData() {
        String text = "cat <<EOF > /etc/conf\nrm -rf / && echo $HOME\n  EOF\nEOF\napt-get update";
        ShellScript s = ShellParser.parse(text);
        assertThat(names(s)).containsExactly("cat", "apt-get");
        Redirection heredoc = s.commands().get(0).redirections().get(0);
        assertThat(heredoc.operator()).isEqualTo("<<");
        Redirection.Heredoc h = heredoc.heredoc().orElseThrow();
        assertThat(h.delimiter()).isEqualTo("EOF");
        assertThat(h.quoted()).isFalse();
        assertThat(text.substring(h.bodyStart(), h.bodyEnd())).isEqualTo("rm -rf / && echo $HOME\n  EOF\n");
        assertThat(s.commands().get(0).redirections().get(1).target().orElseThrow().literal()).isEqualTo("/etc/conf");
        assertThat(s.commands().get(1).before()).isEqualTo(Connector.NEWLINE);
    }

    @Test
    void heredocWithTabStrippingQuotedDelimiterAndTwoOnOneLine() {
        String text = "cat <<-'END' | sh && cat <<A <<\"B\"\n\t\techo no\n\tEND\na\nA\nb\nB\necho yes";
        ShellScript s = ShellParser.parse(text);
        assertThat(names(s)).containsExactly("cat", "sh", "cat", "echo");
        Redirection.Heredoc first = s.commands().get(0).redirections().get(0).heredoc().orElseThrow();
        assertThat(first.stripTabs()).isTrue();
        assertThat(first.quoted()).isTrue();
        assertThat(first.delimiter()).isEqualTo("END");
        assertThat(text.substring(first.bodyStart(), first.bodyEnd())).isEqualTo("\t\techo no\n");
        List<Redirection> two = s.commands().get(2).redirections();
        assertThat(text.substring(two.get(0).heredoc().orElseThrow().bodyStart(), two.get(0).heredoc().orElseThrow().bodyEnd()))
                .isEqualTo("a\n");
        assertThat(text.substring(two.get(1).heredoc().orElseThrow().bodyStart(), two.get(1).heredoc().orElseThrow().bodyEnd()))
                .isEqualTo("b\n");
        assertThat(s.hasProblems()).isFalse();
    }

    @Test
    void heredocWhoseBodyIsNotInTheText() {
        SimpleCommand c = only("cat <<EOF > /app/run.sh");
        Redirection.Heredoc h = c.redirections().get(0).heredoc().orElseThrow();
        assertThat(h.hasBody()).isFalse();
        assertThat(h.bodyStart()).isEqualTo(-1);
        ShellScript unterminated = ShellParser.parse("cat <<EOF\nno end");
        assertThat(unterminated.problems()).extracting(ShellScript.Problem::message)
                .anyMatch(m -> m.contains("heredoc"));
    }

    @Test
    void redirections() {
        SimpleCommand c = only("cmd 2>&1 >>log </dev/null &>/dev/null 3<>f <<<\"$x\" >| g a");
        assertThat(c.redirections()).extracting(Redirection::toString)
                .containsExactly("2>&1", ">>log", "</dev/null", "&>/dev/null", "3<>f", "<<<\"$x\"", ">|g");
        assertThat(c.redirections().get(0).fd()).isEqualTo(2);
        assertThat(c.redirections().get(1).fd()).isEqualTo(-1);
        assertThat(literals(c)).containsExactly("cmd", "a");
        assertThat(literals(only("echo a2>f"))).containsExactly("echo", "a2");
    }

    @Test
    void doubleBracketConditionIsOneCommand() {
        ShellScript s = ShellParser.parse("[[ -n $X && ( $Y == a || $Y < b ) ]] && echo ok");
        assertThat(names(s)).containsExactly("[[", "echo");
        assertThat(literals(s.commands().get(0))).containsExactly("[[", "-n", "$X", "&&", "(", "$Y", "==", "a", "||",
                "$Y", "<", "b", ")", "]]");
        assertThat(s.commands().get(1).before()).isEqualTo(Connector.AND);
    }

    @Test
    void arithmeticIsNotACommand() {
        ShellScript s = ShellParser.parse("((n = 1 + 2)) && echo $((n * (2 + 1)))");
        assertThat(names(s)).containsExactly("echo");
        assertThat(s.commands().get(0).words().get(1).isLiteral()).isFalse();
    }

    @Test
    void heredocInsideACommandSubstitution() {
        String text = "x=$(cat <<EOF\n$(rm -rf /)\nEOF\n) && echo \"$x\"";
        ShellScript s = ShellParser.parse(text);
        assertThat(names(s)).containsExactly("", "cat", "echo");
        Redirection.Heredoc h = s.commands().get(1).redirections().get(0).heredoc().orElseThrow();
        assertThat(text.substring(h.bodyStart(), h.bodyEnd())).isEqualTo("$(rm -rf /)\n");
        assertThat(s.hasProblems()).isFalse();
    }

    @Test
    void heredocOpenedInASubstitutionHasItsBodyAfterTheLine() {
        String text = "echo $(cat <<EOF) more\nbody $(ls)\nEOF\nls";
        ShellScript s = ShellParser.parse(text);
        assertThat(names(s)).containsExactly("echo", "cat", "ls");
        Redirection.Heredoc h = s.commands().get(1).redirections().get(0).heredoc().orElseThrow();
        assertThat(text.substring(h.bodyStart(), h.bodyEnd())).isEqualTo("body $(ls)\n");
    }

    @Test
    void processSubstitutionFeedingALoop() {
        ShellScript s = ShellParser.parse("while read -r l; do echo \"$l\"; done < <(find . -name '*.py') | sort");
        assertThat(names(s)).containsExactly("read", "echo", "find", "sort");
        assertThat(s.commands().get(2).inSubstitution()).isTrue();
        assertThat(s.commands()).extracting(SimpleCommand::pipelineIndex).containsExactly(0, 0, -1, 1);
    }

    @Test
    void negationTimeAndBackground() {
        ShellScript s = ShellParser.parse("! grep -q x f && time -p nginx -g 'daemon off;' &");
        assertThat(names(s)).containsExactly("grep", "nginx");
        assertThat(literals(s.commands().get(1))).containsExactly("nginx", "-g", "daemon off;");
        assertThat(s.commands().get(1).after()).isEqualTo(Connector.BACKGROUND);
    }

    @Test
    void keywordsAreOnlyKeywordsInCommandPosition() {
        ShellScript s = ShellParser.parse("echo if then fi done }; \"if\" x");
        assertThat(names(s)).containsExactly("echo", "if");
        assertThat(s.hasProblems()).isFalse();
    }

    @Test
    void unterminatedQuotesEndAtEndOfTextWithAProblem() {
        ShellScript s = ShellParser.parse("echo 'abc && rm -rf /");
        assertThat(names(s)).containsExactly("echo");
        assertThat(s.commands().get(0).words().get(1).literal()).isEqualTo("abc && rm -rf /");
        assertThat(s.problems()).extracting(ShellScript.Problem::message).containsExactly("unterminated single quote");
        assertThat(s.problems().get(0).offset()).isEqualTo(5);

        ShellScript d = ShellParser.parse("echo \"abc $(date");
        assertThat(names(d)).containsExactly("echo", "date");
        assertThat(d.problems()).extracting(ShellScript.Problem::message)
                .contains("unterminated double quote", "unterminated command substitution");
    }

    @Test
    void syntaxErrorsAreProblemsNotExceptions() {
        assertThat(ShellParser.parse("fi; ) ;; && | x").problems()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(names(ShellParser.parse("fi; ) ;; && | x"))).containsExactly("x");
        ShellScript missing = ShellParser.parse("if true; then echo");
        assertThat(names(missing)).containsExactly("true", "echo");
        assertThat(missing.problems()).extracting(ShellScript.Problem::message).containsExactly("missing 'fi'");
        assertThat(ShellParser.parse("for x in a; do echo; ").problems())
                .extracting(ShellScript.Problem::message).containsExactly("missing 'done'");
        assertThat(ShellParser.parse("{ echo").problems()).extracting(ShellScript.Problem::message)
                .containsExactly("missing '}'");
        assertThat(ShellParser.parse("(ls").problems()).extracting(ShellScript.Problem::message)
                .containsExactly("missing ')'");
    }

    @Test
    void missingCommandsAndMisplacedWordsAreProblems() {
        assertThat(messages("apt-get update &&")).containsExactly("unexpected end of text");
        assertThat(messages("|| echo")).containsExactly("unexpected '||'");
        assertThat(messages("a | then")).containsExactly("unexpected 'then'");
        assertThat(messages("if true; then fi")).containsExactly("missing command before 'fi'");
        assertThat(messages("( )")).containsExactly("missing command before ')'");
        assertThat(messages("echo f() x")).startsWith("unexpected '('");
        assertThat(messages("f() echo x")).containsExactly("a function body must be a compound command such as { ...; }");
        assertThat(messages("(a) b")).containsExactly("unexpected 'b'");
        assertThat(messages("{ a; } fi")).containsExactly("unexpected 'fi'");
    }

    @Test
    void validEdgeCasesAreNotProblems() {
        assertThat(messages("if true; then (echo) fi")).isEmpty();
        assertThat(messages("case x in a) ;; b) (c) esac")).isEmpty();
        assertThat(messages("while (a) do b; done")).isEmpty();
        assertThat(messages("!")).isEmpty();
        assertThat(messages("x=$( )")).isEmpty();
        assertThat(messages("a &&\n\n b ||\n c |\n d")).isEmpty();
    }

    private static List<String> messages(String text) {
        return ShellParser.parse(text).problems().stream().map(ShellScript.Problem::message).toList();
    }

    @Test
    void deepNestingIsBoundedNotAStackOverflow() {
        ShellScript s = ShellParser.parse("$(".repeat(20_000) + "ls" + ")".repeat(20_000));
        assertThat(s.problems()).extracting(ShellScript.Problem::message).anyMatch(m -> m.startsWith("nesting deeper"));
        ShellScript braces = ShellParser.parse("{ ".repeat(5_000) + "ls");
        assertThat(braces.hasProblems()).isTrue();
    }

    @Test
    void emptyAndBlankScripts() {
        assertThat(ShellParser.parse("").commands()).isEmpty();
        assertThat(ShellParser.parse(" \n\t# only a comment\n").commands()).isEmpty();
        assertThat(ShellParser.parse(" \n\t# only a comment\n").hasProblems()).isFalse();
    }

    @Test
    void commandsNamed() {
        ShellScript s = ShellParser.parse("apk add x && /sbin/apk del y; pip install z");
        assertThat(s.commandsNamed("apk")).hasSize(2);
        assertThat(s.commandsNamed("pip", "pip3")).extracting(SimpleCommand::raw).containsExactly("pip install z");
    }

    @Test
    void carriageReturnsActAsBlanks() {
        ShellScript s = ShellParser.parse("apt-get update \\\r\n && ls\r\n");
        assertThat(names(s)).containsExactly("apt-get", "ls");
        assertThat(literals(s.commands().get(0))).containsExactly("apt-get", "update");
    }
}
