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
import dev.dockfit.lint.support.RunScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * layer-cache (DF300): when {@code COPY . dest} comes before the dependency install, the manifests and lock files
 * are copied first and the install moves before the broad COPY, so a source change no longer re-runs it. A RUN
 * that only installs is moved; for Go and Maven, whose build also fetches, a download step
 * ({@code go mod download}, {@code mvn dependency:go-offline}) is added instead. A RUN that installs and builds is
 * left alone (a suggestion: split it).
 */
public final class ManifestsFirstFix implements FileFix {
    static final String RULE = "DF300";

    /** What a dependency install needs copied first, and whether the install RUN itself can move. */
    record Install(String label, List<String> manifests, String extraStep) {
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<Proposal> propose(FixInput in) {
        if (!in.wants(RULE)) return List.of();
        List<Proposal> out = new ArrayList<>();
        for (Stage stage : in.model().stages()) {
            List<Instruction> ins = stage.instructions();
            for (int b = 0; b < ins.size(); b++) {
                Instruction broad = ins.get(b);
                if (!StageFacts.copiesWholeContext(broad) || broad.isJson()) continue;
                for (int k = b + 1; k < ins.size(); k++) {
                    Instruction run = ins.get(k);
                    if (!run.is("RUN")) continue;
                    Optional<RunScript> rs = in.script(run);
                    Optional<Install> install = rs.flatMap(s -> install(in, s));
                    if (install.isEmpty()) continue;
                    propose(in, stage, b, k, rs.get(), install.get()).ifPresent(out::add);
                    break;
                }
                break;
            }
        }
        return out;
    }

    private Optional<Proposal> propose(FixInput in, Stage stage, int b, int k, RunScript rs, Install install) {
        List<Instruction> ins = stage.instructions();
        Instruction broad = ins.get(b);
        Instruction run = ins.get(k);
        String what = "copy " + String.join(" ", install.manifests()) + " and install before COPY .";
        for (int j = 0; j < b; j++) {
            Instruction i = ins.get(j);
            if ((i.is("COPY") || i.is("ADD")) && StageFacts.sources(i).stream().anyMatch(install.manifests()::contains)) {
                return Optional.empty(); // manifests already come first
            }
        }
        for (int j = b + 1; j < k; j++) {
            Instruction i = ins.get(j);
            if (!(i.is("COPY") || i.is("ADD") || i.is("EXPOSE") || i.is("LABEL"))) {
                return Optional.of(Proposal.refused(RULE, Practice.LAYER_CACHE, FixLevel.RECOMMENDED, what,
                        i.keyword() + " at line " + in.file().range(i.span()).start().line()
                                + " stands between the COPY and the install, which may depend on it"));
            }
        }
        String dest = broad.args().get(broad.args().size() - 1).value();
        String target = dest.equals(".") || dest.equals("./") ? "./" : dest.endsWith("/") ? dest : dest + "/";
        String flags = broad.flags().stream().map(f -> in.text(f.span()) + " ").reduce("", String::concat);
        String copy = StageFacts.keyword(stage, "COPY") + " " + flags + String.join(" ", install.manifests()) + " " + target + "\n";
        List<TextEdit> edits = new ArrayList<>();
        int at = in.lineBefore(broad);
        if (install.extraStep() != null) {
            edits.add(new TextEdit(new Span(at, at), copy + StageFacts.keyword(stage, "RUN") + " " + install.extraStep() + "\n"));
        } else {
            if (rs.script().commands().stream().anyMatch(c -> !isInstall(c))) {
                return Optional.of(Proposal.refused(RULE, Practice.LAYER_CACHE, FixLevel.RECOMMENDED, what,
                        "the RUN at line " + in.file().range(run.span()).start().line()
                                + " also builds; split the install into its own RUN first"));
            }
            Span lines = in.wholeLines(run);
            String moved = in.text(new Span(lines.start(), run.span().end())).stripTrailing();
            edits.add(new TextEdit(new Span(at, at), copy + moved + "\n"));
            edits.add(new TextEdit(lines, ""));
        }
        return Optional.of(Proposal.of(RULE, Practice.LAYER_CACHE,
                new Fix(install.label() + " manifests (" + String.join(", ", install.manifests())
                        + ") copied and dependencies installed before COPY .", FixLevel.RECOMMENDED, edits),
                "a source change rebuilds from COPY . on; the dependency layer stays cached"));
    }

    private static Optional<Install> install(FixInput in, RunScript rs) {
        for (SimpleCommand c : rs.script().commands()) {
            if (c.inSubstitution()) continue;
            switch (c.name()) {
                case "npm" -> {
                    if (c.hasArg("ci", "install", "i") && c.argLiterals().stream().filter(a -> !a.startsWith("-")).count() == 1) {
                        List<String> m = new ArrayList<>(List.of("package.json"));
                        for (String lock : List.of("package-lock.json", "npm-shrinkwrap.json")) {
                            if (in.contextHas(lock)) m.add(lock);
                        }
                        if (in.contextDir().isEmpty()) m = List.of("package*.json");
                        return Optional.of(new Install("npm", m, null));
                    }
                }
                case "yarn" -> {
                    if (c.args().isEmpty() || c.hasArg("install")) {
                        return Optional.of(new Install("yarn", List.of("package.json", "yarn.lock"), null));
                    }
                }
                case "go" -> {
                    if (c.hasArg("build", "install", "mod")) {
                        List<String> m = new ArrayList<>(List.of("go.mod"));
                        if (in.contextHas("go.sum") || in.contextDir().isEmpty()) m.add("go.sum");
                        if (in.contextDir().isPresent() && !in.contextHas("go.mod")) return Optional.empty();
                        return Optional.of(new Install("Go module", m, "go mod download"));
                    }
                }
                case "mvn" -> {
                    if (c.hasArg("package", "install", "verify")) {
                        return Optional.of(new Install("Maven", List.of("pom.xml"), "mvn -B -q dependency:go-offline"));
                    }
                }
                default -> {
                    Optional<String> req = requirements(c);
                    if (req.isPresent()) return Optional.of(new Install("pip", List.of(req.get()), null));
                }
            }
        }
        return Optional.empty();
    }

    /** {@code pip install -r requirements.txt} (or {@code pip wheel}): the requirements file, when a plain relative path. */
    private static Optional<String> requirements(SimpleCommand c) {
        boolean pip = c.name().matches("pip[0-9.]*") || (c.name().matches("python[0-9.]*")
                && c.argLiterals().size() > 1 && c.argLiterals().get(1).equals("pip"));
        if (!pip || !c.hasArg("install", "wheel")) return Optional.empty(); // pip wheel: a build stage's install
        return c.flagValue("-r", "--requirement").filter(f -> f.matches("[A-Za-z0-9_./-]+") && !f.startsWith("/") && !f.contains(".."));
    }

    private static boolean isInstall(SimpleCommand c) {
        if (c.name().equals("npm") || c.name().equals("yarn")) return !c.hasArg("run", "build", "test");
        return requirements(c).isPresent() || c.name().matches("pip[0-9.]*");
    }
}
