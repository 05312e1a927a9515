package dev.dockfit.lint.rules.baseimage;

import dev.dockfit.dockerfile.model.Arg;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.reference.ImageReference;
import java.util.List;
import java.util.Locale;

@RuleDoc(id = "DF204", title = "Base image from a registry that is not trusted", severity = Severity.ERROR,
        practice = Practice.BASE_IMAGE,
        why = "When a policy lists the registries base images may come from (trustedRegistries), an image from "
                + "anywhere else bypasses the organisation's scanning and mirroring. Docker Hub is 'docker.io'; "
                + "'*.example.com' trusts every subdomain. Runs only when the configuration lists registries.",
        bad = """
                FROM quay.io/prometheus/busybox:latest
                """,
        good = """
                FROM docker.io/library/busybox:1.37
                """,
        hadolint = "DL3026")
public final class UntrustedRegistry extends Rule {

    @Override
    public void check(LintContext ctx) {
        List<String> trusted = ctx.config().trustedRegistries();
        if (trusted.isEmpty()) return; // no policy: every registry is fine
        for (Stage s : ctx.model().stages()) {
            ImageReference ref = s.base().reference();
            Arg arg = BaseImages.imageArg(s);
            if (ref == null || arg == null) continue;
            String host = ref.registryHost().toLowerCase(Locale.ROOT);
            if (isTrusted(host, trusted)) continue;
            ctx.report(arg.span(), BaseImages.shown(s) + " comes from " + host + ", which is not a trusted registry ("
                    + String.join(", ", trusted) + "): use an image from one of them");
        }
    }

    static boolean isTrusted(String host, List<String> trusted) {
        for (String t : trusted) {
            String r = t.strip().toLowerCase(Locale.ROOT);
            if (r.equals("*") || r.equals(host)) return true;
            if (host.equals(ImageReference.DOCKER_HUB) && (r.equals("hub.docker.com") || r.equals("index.docker.io")
                    || r.equals("registry-1.docker.io"))) return true;
            if (r.startsWith("*.") && host.endsWith(r.substring(1))) return true;
            if (r.endsWith(".*") && host.startsWith(r.substring(0, r.length() - 1))) return true;
        }
        return false;
    }
}
