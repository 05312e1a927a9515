package dev.dockfit.lint.fix.practice;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.shell.ShellWord;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.lint.fix.FileFix;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.lint.fix.TextEdit;
import dev.dockfit.dockerfile.model.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * multi-stage (DF100), Go: {@code FROM golang ... go build -o BIN} becomes a build stage, and the binary runs on
 * {@code scratch} as 65532:65532 (distroless's nonroot), built with {@code CGO_ENABLED=0}. When the program
 * needs cgo ({@code import "C"} in a source file, {@code CGO_ENABLED=1}), the runtime is the slim Debian of the
 * same release instead; when the stage installs C libraries with apt, their runtime packages are unknown and the
 * split is only suggested.
 */
public final class GoMultiStageFix implements FileFix {
    static final String RULE = "DF100";
    static final String NONROOT = "65532:65532";
    private static final Pattern IMPORT_C = Pattern.compile("(?m)^\\s*import\\s+(\"C\"|\\([^)]*\"C\")");
    private static final Pattern CODENAME = Pattern.compile("(?:^|-)(bookworm|bullseye|buster|trixie|forky)(?:$|-)");

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<Proposal> propose(FixInput in) {
        if (!in.wants(RULE)) return List.of();
        var found = StageSplit.plan(in, c -> c.name().equals("go") && !c.args().isEmpty()
                && (c.args().get(0).literal().equals("build") || c.args().get(0).literal().equals("install")));
        if (found.isEmpty()) return List.of();
        String what = "build the Go binary in a stage of its own and run it on a minimal image";
        if (found.get().refusal() != null) return List.of(StageSplit.refused(RULE, what, found.get().refusal()));
        StageSplit.Plan plan = found.get().plan();
        SimpleCommand go = plan.build();
        if (go.args().get(0).literal().equals("install")) {
            return List.of(StageSplit.refused(RULE, what, "go install puts the binary under GOBIN; use go build -o PATH"));
        }
        Optional<String> out = go.flagValue("-o");
        if (out.isEmpty()) {
            return List.of(StageSplit.refused(RULE, what, "go build has no -o: the binary's path is unknown"));
        }
        String binary = out.get();
        if (!binary.matches("[A-Za-z0-9_./-]+") || binary.endsWith("/")) {
            return List.of(StageSplit.refused(RULE, what, "the output path " + binary + " is not a plain file path"));
        }
        if (!binary.startsWith("/")) {
            String wd = StageSplit.workdir(in, plan);
            if (wd == null || plan.script().script().commandsNamed("cd").size() > 0) {
                return List.of(StageSplit.refused(RULE, what, "the output path " + binary + " is relative to a directory dockfit cannot tell"));
            }
            binary = StageFacts.resolve(wd, binary);
        }
        var image = plan.stage().base().reference();
        List<String> devLibs = devLibraries(in, plan);
        boolean cgo = cgoRequested(in, plan, go) || importsC(in);
        if (cgo && !devLibs.isEmpty()) {
            return List.of(StageSplit.refused(RULE, what, "the program uses cgo with C libraries installed by apt ("
                    + String.join(", ", devLibs) + "); their runtime packages are unknown"));
        }
        String runtime;
        List<TextEdit> edits = new ArrayList<>();
        String effect;
        if (cgo) {
            var codename = image == null || image.tag() == null ? null : CODENAME.matcher(image.tag());
            if (codename == null || !codename.find()) {
                return List.of(StageSplit.refused(RULE, what, "the program uses cgo and the Debian release of "
                        + plan.stage().base().raw() + " is unknown; name it in the tag (golang:X-bookworm)"));
            }
            runtime = "debian:" + codename.group(1) + "-slim";
            effect = "the final image holds the binary on " + runtime + " instead of the Go toolchain";
        } else {
            runtime = "scratch";
            boolean set = go.assignments().stream().anyMatch(a -> a.literal().startsWith("CGO_ENABLED="));
            if (!set) {
                int at = plan.script().span(go.words().get(0)).start();
                edits.add(new TextEdit(new Span(at, at), "CGO_ENABLED=0 "));
            }
            effect = "the final image holds only the static binary (no Go toolchain, no shell), run as " + NONROOT;
        }
        List<String> lines = new ArrayList<>();
        lines.add(StageSplit.copyFromBuild(plan, binary, binary));
        lines.add(StageFacts.keyword(plan.stage(), "USER") + " " + NONROOT);
        edits.addAll(StageSplit.edits(in, plan, runtime, lines));
        return List.of(Proposal.of(RULE, Practice.MULTI_STAGE, new Fix("Go build moved to stage '" + plan.buildName()
                + "'" + (cgo ? "" : " with CGO_ENABLED=0") + "; " + binary + " runs on " + runtime + " as " + NONROOT,
                FixLevel.RECOMMENDED, edits), effect));
    }

    /** {@code CGO_ENABLED=1} on the command or in an ENV of the stage. */
    private static boolean cgoRequested(FixInput in, StageSplit.Plan plan, SimpleCommand go) {
        if (go.assignments().stream().map(ShellWord::literal).anyMatch("CGO_ENABLED=1"::equals)) return true;
        for (Instruction env : plan.stage().all("ENV")) {
            if (env.argsText().text().matches("(?s).*\\bCGO_ENABLED[= ]\"?1.*")) return true;
        }
        return false;
    }

    /** {@code lib*-dev} packages the stage installs with apt-get (libc6-dev comes with the toolchain). */
    private static List<String> devLibraries(FixInput in, StageSplit.Plan plan) {
        List<String> out = new ArrayList<>();
        for (Instruction run : plan.stage().all("RUN")) {
            in.script(run).ifPresent(rs -> {
                for (SimpleCommand c : rs.script().commandsNamed("apt-get", "apt", "apk")) {
                    for (ShellWord w : c.argsAfter(c.name().equals("apk") ? "add" : "install")) {
                        String p = w.literal();
                        if (p.matches("lib[a-z0-9.+-]*-dev") && !p.startsWith("libc6-dev") && !out.contains(p)) out.add(p);
                    }
                }
            });
        }
        return out;
    }

    /** True when a Go source file of the build context imports "C" (unknown context: none seen). */
    private static boolean importsC(FixInput in) {
        Optional<Path> dir = in.contextDir();
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) return false;
        try (Stream<Path> files = Files.walk(dir.get(), 8)) {
            return files.filter(p -> p.toString().endsWith(".go") && Files.isRegularFile(p)).anyMatch(p -> {
                try {
                    return IMPORT_C.matcher(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).find();
                } catch (IOException e) {
                    return true; // unreadable: assume the worst, keep cgo
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return true;
        }
    }
}
