package dev.dockfit.lint;

import dev.dockfit.dockerfile.parser.DockerfileParseException;
import dev.dockfit.finding.Finding;
import dev.dockfit.finding.Location;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;

/** DF000: the file is not a Dockerfile BuildKit accepts. Reported by the {@link Linter}, not by a rule. */
@RuleDoc(id = "DF000", title = "Dockerfile does not parse", severity = Severity.ERROR,
        practice = Practice.CORRECTNESS,
        why = "BuildKit rejects the file, so nothing else can be checked and the build fails.",
        bad = "FROM alpine\nENV PATH\n",
        good = "FROM alpine\nENV PATH=/usr/local/bin:$PATH\n")
final class ParseErrorFinding {
    private ParseErrorFinding() {
    }

    static Finding of(String file, DockerfileParseException e) {
        RuleInfo info = RuleInfo.of(ParseErrorFinding.class);
        return new Finding(info.id(), info.severity(), info.practice(), e.getMessage(),
                new Location(file, e.line(), e.column(), e.line(), e.column()));
    }
}
