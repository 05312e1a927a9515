package dev.dockfit.cli.parse;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.model.Flag;
import dev.dockfit.dockerfile.model.Heredoc;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Range;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.semantic.BaseImage;
import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.dockerfile.semantic.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The documented JSON shape of {@code dockfit parse --format=json} (see docs/parse.md). */
final class ParseJson {
    private ParseJson() {
    }

    static Map<String, Object> of(BuildModel model) {
        Dockerfile df = model.dockerfile();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", df.path());
        root.put("escape", String.valueOf(df.escapeToken()));
        root.put("directives", df.directives().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("value", d.value());
            m.put("range", range(df, d.span()));
            return m;
        }).toList());
        root.put("instructions", df.instructions().stream().map(i -> instruction(df, i)).toList());
        root.put("stages", model.stages().stream().map(s -> stage(df, s)).toList());
        root.put("warnings", df.warnings().stream().map(w -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("message", w.message());
            m.put("range", range(df, w.span()));
            return m;
        }).toList());
        return root;
    }

    private static Map<String, Object> instruction(Dockerfile df, Instruction i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("keyword", i.keyword());
        m.put("flags", i.flags().stream().map(Flag::raw).toList());
        m.put("args", i.args().stream().map(Arg::value).toList());
        m.put("json", i.isJson());
        List<Map<String, Object>> heredocs = new ArrayList<>();
        for (Heredoc h : i.heredocs()) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("name", h.name());
            hm.put("body", h.content());
            hm.put("expand", h.expand());
            hm.put("chomp", h.chomp());
            hm.put("fileDescriptor", h.fileDescriptor());
            heredocs.add(hm);
        }
        m.put("heredocs", heredocs);
        m.put("stage", i.stage() < 0 ? null : i.stage());
        m.put("range", range(df, i.span()));
        if (i.child() != null) m.put("instruction", instruction(df, i.child()));
        return m;
    }

    private static Map<String, Object> stage(Dockerfile df, Stage s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", s.index());
        m.put("name", s.name());
        BaseImage b = s.base();
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("raw", b.raw());
        base.put("resolved", b.resolved());
        base.put("registry", b.reference() == null ? null : b.reference().registry());
        base.put("repository", b.reference() == null ? null : b.reference().repository());
        base.put("tag", b.reference() == null ? null : b.reference().tag());
        base.put("digest", b.reference() == null ? null : b.reference().digest());
        base.put("stage", b.stage());
        base.put("scratch", b.isScratch());
        m.put("base", base);
        m.put("range", range(df, s.from().span()));
        return m;
    }

    static Map<String, Object> range(Dockerfile df, Span span) {
        Range r = df.range(span);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startLine", r.start().line());
        m.put("startColumn", r.start().column());
        m.put("endLine", r.end().line());
        m.put("endColumn", r.end().column());
        return m;
    }
}
