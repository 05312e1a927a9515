package dev.dockfit.lint.fix.practice;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.lint.fix.FileFix;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.lint.fix.TextEdit;
import dev.dockfit.lint.kb.Suggestion;
import dev.dockfit.reference.ImageReference;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * base-image (DF201): the final stage's full official image becomes the smaller variant of the same version the
 * knowledge base names (python:3.11 to python:3.11-slim), only when the rest of the stage works there: the same
 * package manager (a switch to Alpine would need the package commands rewritten, so it is not offered), and no
 * RUN using a tool the full image has but the slim one lacks, unless the file installs it.
 */
public final class SlimBaseImageFix implements FileFix {
    static final String RULE = "DF201";
    /** Tools the full official images (buildpack-deps) carry and their slim variants do not. */
    static final Set<String> ONLY_IN_FULL = Set.of("curl", "wget", "git", "gcc", "g++", "cc", "c++", "make", "patch",
            "unzip", "ssh", "scp", "svn", "hg", "bzr", "file", "pkg-config", "autoconf", "automake", "libtool");

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<Proposal> propose(FixInput in) {
        if (!in.wants(RULE)) return List.of();
        Stage stage = in.model().finalStage().orElse(null);
        if (stage == null || stage.base().isStage() || stage.base().reference() == null) return List.of();
        Instruction from = stage.from();
        ImageReference ref = stage.base().reference();
        List<Suggestion> smaller = in.kb().smallerVariants(ref);
        if (smaller.isEmpty()) return List.of();
        Optional<Suggestion> same = smaller.stream().filter(s -> !s.packageManagerChanges()).findFirst();
        String what = "FROM " + (same.isPresent() ? same.get() : smaller.get(0)).reference();
        if (same.isEmpty()) {
            return List.of(refused(what, "the smaller variant uses another package manager; rewrite the package commands first"));
        }
        if (from.args().isEmpty() || stage.base().raw().contains("$")) {
            return List.of(refused(what, "the image is chosen by a build argument"));
        }
        if (ref.digest() != null) return List.of(refused(what, "the image is pinned by digest"));
        Set<String> missing = missingTools(in, stage);
        if (!missing.isEmpty()) {
            return List.of(refused(what, "the stage runs " + String.join(", ", missing) + ", which "
                    + same.get().reference() + " does not have; install it there first"));
        }
        Suggestion s = same.get();
        String effect = s.savingMB().isPresent()
                ? "typically " + s.savingMB().getAsInt() + " MB smaller (" + s.fromMB().getAsInt() + " MB to "
                + s.toMB().getAsInt() + " MB compressed)"
                : "a smaller base image";
        return List.of(Proposal.of(RULE, Practice.BASE_IMAGE, new Fix(ref.raw() + " to " + s.reference(),
                FixLevel.RECOMMENDED, List.of(new TextEdit(from.args().get(0).span(), s.reference()))), effect));
    }

    private static Proposal refused(String what, String why) {
        return Proposal.refused(RULE, Practice.BASE_IMAGE, FixLevel.RECOMMENDED, what, why);
    }

    /** Tools of {@link #ONLY_IN_FULL} a RUN of the stage calls that no package install of the stage provides. */
    private static Set<String> missingTools(FixInput in, Stage stage) {
        Set<String> used = new TreeSet<>();
        Set<String> installed = new HashSet<>();
        for (Instruction run : stage.all("RUN")) {
            var rs = in.script(run);
            if (rs.isEmpty()) {
                if (!run.isJson() || run.args().isEmpty()) continue;
                String exe = run.args().get(0).value();
                used.add(exe.substring(exe.lastIndexOf('/') + 1));
                continue;
            }
            for (SimpleCommand c : rs.get().script().commands()) {
                used.add(c.name());
                if (c.name().equals("apt-get") || c.name().equals("apt")) {
                    List<String> after = c.argsAfter("install").stream().map(w -> w.literal()).toList();
                    for (String p : after) {
                        installed.add(p);
                        if (p.equals("build-essential")) installed.addAll(Set.of("gcc", "g++", "cc", "c++", "make"));
                    }
                }
            }
        }
        used.retainAll(ONLY_IN_FULL);
        used.removeAll(installed);
        return used;
    }
}
