package dev.dockfit.lint.fix.practice;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.lint.fix.FileFix;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.lint.fix.TextEdit;
import dev.dockfit.lint.kb.Family;
import dev.dockfit.reference.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * least-privilege (DF001): a final stage without USER gets a system user made the way its base distribution
 * makes one (Debian/Ubuntu {@code groupadd -r} + {@code useradd -r -g}, Alpine {@code addgroup -S} +
 * {@code adduser -S -G}), or the image's own user ({@code node}, distroless {@code nonroot}); the application
 * files are copied with {@code --chown}; and {@code USER} goes before CMD/ENTRYPOINT (after the last RUN).
 */
public final class NonRootUserFix implements FileFix {
    static final String RULE = "DF001";
    static final String APP = "app";
    private static final Set<String> SYSTEM_DIRS = Set.of("/etc", "/usr", "/bin", "/sbin", "/lib", "/lib64", "/var",
            "/root", "/boot", "/sys", "/proc", "/dev", "/run");

    /** The user to run as and the RUN line that creates it (null when the image has it already). */
    record User(String name, String owner, String create) {
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<Proposal> propose(FixInput in) {
        if (!in.hasFinding(RULE)) return List.of();
        Stage stage = in.model().finalStage().orElse(null);
        if (stage == null) return List.of();
        String what = "run the final stage as a non-root user";
        for (Instruction e : stage.all("EXPOSE")) {
            for (String port : e.argValues()) {
                String n = port.replaceAll("/.*", "");
                if (n.matches("[0-9]+") && Integer.parseInt(n) < 1024) {
                    return List.of(Proposal.refused(RULE, Practice.LEAST_PRIVILEGE, FixLevel.RECOMMENDED, what,
                            "the stage exposes port " + n + ", which a non-root user cannot bind; move the app to a port >= 1024 first"));
                }
            }
        }
        Optional<User> user = existingUser(in, stage).or(() -> userFor(in, stage));
        if (user.isEmpty()) {
            ImageReference ref = StageFacts.rootImage(in.model(), stage);
            return List.of(Proposal.refused(RULE, Practice.LEAST_PRIVILEGE, FixLevel.RECOMMENDED, what,
                    "dockfit does not know how " + (ref == null ? "this base" : ref.toString())
                            + " creates users; add one and a USER line"));
        }
        User u = user.get();
        List<TextEdit> edits = new ArrayList<>();
        List<Instruction> ins = stage.instructions();
        Instruction firstCopy = ins.stream().filter(i -> i.is("COPY") || i.is("ADD")).findFirst().orElse(null);
        Instruction runTime = ins.stream().filter(i -> i.is("CMD") || i.is("ENTRYPOINT")).findFirst().orElse(null);
        Instruction lastRun = null;
        for (Instruction i : ins) if (i.is("RUN")) lastRun = i;
        int userAt;
        if (runTime != null && (lastRun == null || lastRun.span().start() < runTime.span().start())) {
            userAt = in.lineBefore(runTime);
        } else if (lastRun != null) {
            userAt = in.lineAfter(lastRun);
        } else {
            userAt = in.lineAfter(ins.get(ins.size() - 1));
        }
        String lead = userAt == in.file().source().length() && !in.endsWithLineBreak() ? "\n" : "";
        String userLine = StageFacts.keyword(stage, "USER") + " " + u.name() + "\n";
        String createLine = u.create() == null ? "" : StageFacts.keyword(stage, "RUN") + " " + u.create() + "\n";
        int createAt = firstCopy != null ? in.lineBefore(firstCopy) : userAt;
        if (!createLine.isEmpty() && createAt != userAt) {
            edits.add(new TextEdit(new Span(createAt, createAt), createLine));
            createLine = "";
        }
        edits.add(new TextEdit(new Span(userAt, userAt), lead + createLine + userLine));
        List<String> owned = new ArrayList<>();
        for (Instruction i : ins) {
            if (!(i.is("COPY") || i.is("ADD")) || i.isJson() || i.flag("chown").isPresent() || !i.heredocs().isEmpty()) continue;
            String dest = StageFacts.destination(in.model(), stage, i);
            if (dest == null || dest.equals("/") || SYSTEM_DIRS.stream().anyMatch(d -> dest.equals(d) || dest.startsWith(d + "/"))) continue;
            int at = StageFacts.flagInsertion(i);
            edits.add(new TextEdit(new Span(at, at), "--chown=" + u.owner() + " "));
            owned.add(dest);
        }
        return List.of(Proposal.of(RULE, Practice.LEAST_PRIVILEGE, new Fix(
                        (u.create() == null ? "USER " + u.name() + " (the image's own user)" : "system user '" + u.name() + "' created, USER " + u.name())
                                + (owned.isEmpty() ? "" : "; " + String.join(", ", owned.stream().distinct().toList()) + " copied with --chown=" + u.owner()),
                        FixLevel.RECOMMENDED, edits),
                "the container runs as '" + u.name() + "' instead of root"));
    }

    /** A user the final stage already creates (useradd/adduser NAME): switching to it is all that is missing. */
    private static Optional<User> existingUser(FixInput in, Stage stage) {
        for (Instruction run : stage.all("RUN")) {
            var rs = in.script(run).orElse(null);
            if (rs == null) continue;
            for (SimpleCommand c : rs.script().commandsNamed("useradd", "adduser")) {
                List<String> a = c.argLiterals();
                if (a.isEmpty()) continue;
                String name = a.get(a.size() - 1);
                if (name.matches("[a-z_][a-z0-9_-]*")) return Optional.of(new User(name, name, null));
            }
        }
        return Optional.empty();
    }

    private static Optional<User> userFor(FixInput in, Stage stage) {
        ImageReference ref = StageFacts.rootImage(in.model(), stage);
        if (ref == null) return Optional.empty();
        if ("gcr.io".equals(ref.registry()) && ref.repository().startsWith("distroless/")) {
            return Optional.of(new User("65532:65532", "65532:65532", null));
        }
        if (ref.officialName().filter("node"::equals).isPresent()) {
            return Optional.of(new User("node", "node:node", null));
        }
        Optional<Family> family = in.kb().family(ref);
        if (family.isEmpty()) return Optional.empty();
        return switch (family.get().family()) {
            case "debian", "ubuntu" -> Optional.of(new User(APP, APP + ":" + APP,
                    "groupadd -r " + APP + " && useradd -r -g " + APP + " " + APP));
            case "alpine" -> Optional.of(new User(APP, APP + ":" + APP,
                    "addgroup -S " + APP + " && adduser -S -G " + APP + " " + APP));
            default -> Optional.empty();
        };
    }
}
