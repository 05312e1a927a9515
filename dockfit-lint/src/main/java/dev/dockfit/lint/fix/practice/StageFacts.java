package dev.dockfit.lint.fix.practice;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.reference.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the practice fixes ask about stages: lineage, working directory, COPY sources and destinations. */
final class StageFacts {
    private StageFacts() {
    }

    /** The stage and the stages it builds on, nearest first. */
    static List<Stage> lineage(BuildModel model, Stage stage) {
        List<Stage> out = new ArrayList<>();
        for (Stage s = stage; s != null; s = s.base().stage() == null ? null : model.stages().get(s.base().stage())) {
            out.add(s);
        }
        return out;
    }

    /** The image the stage's lineage starts from, or null (scratch, unresolved). */
    static ImageReference rootImage(BuildModel model, Stage stage) {
        List<Stage> l = lineage(model, stage);
        return l.get(l.size() - 1).base().reference();
    }

    /** The absolute WORKDIR in force before {@code at} ("/" when none), or null when it holds a variable. */
    static String workdirBefore(BuildModel model, Stage stage, Instruction at) {
        List<Stage> l = lineage(model, stage);
        String dir = "/";
        for (int k = l.size() - 1; k >= 0; k--) {
            for (Instruction i : l.get(k).instructions()) {
                if (i == at) return dir;
                if (!i.is("WORKDIR") || i.args().isEmpty()) continue;
                String v = i.args().get(0).value();
                if (v.contains("$")) return null;
                dir = resolve(dir, v);
            }
        }
        return dir;
    }

    static String resolve(String dir, String path) {
        String p = path.startsWith("/") ? path : (dir.endsWith("/") ? dir : dir + "/") + path;
        List<String> parts = new ArrayList<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (!parts.isEmpty()) parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** The COPY/ADD sources as written (the last argument is the destination). */
    static List<String> sources(Instruction copy) {
        List<Arg> args = copy.args();
        return args.size() < 2 ? List.of() : args.subList(0, args.size() - 1).stream().map(Arg::value).toList();
    }

    /** The absolute destination of a COPY/ADD, or null when unknown. */
    static String destination(BuildModel model, Stage stage, Instruction copy) {
        if (copy.args().size() < 2) return null;
        String dest = copy.args().get(copy.args().size() - 1).value();
        if (dest.contains("$")) return null;
        String wd = workdirBefore(model, stage, copy);
        if (wd == null && !dest.startsWith("/")) return null;
        return resolve(wd == null ? "/" : wd, dest);
    }

    /** True for {@code COPY . dest} (the whole build context), without {@code --from}. */
    static boolean copiesWholeContext(Instruction i) {
        if (!(i.is("COPY") || i.is("ADD")) || i.flag("from").isPresent() || !i.heredocs().isEmpty()) return false;
        List<String> src = sources(i);
        return !src.isEmpty() && src.stream().allMatch(s -> s.equals(".") || s.equals("./"));
    }

    /** The keyword as the file writes FROM (lower case files get lower case keywords). */
    static String keyword(Stage stage, String upper) {
        String written = stage.from().writtenKeyword();
        return written.equals(written.toLowerCase(Locale.ROOT)) ? upper.toLowerCase(Locale.ROOT) : upper;
    }

    /** The offset where a new flag goes in an instruction: before its first flag or argument. */
    static int flagInsertion(Instruction i) {
        if (!i.flags().isEmpty()) return i.flags().get(0).span().start();
        return i.args().get(0).span().start();
    }
}
