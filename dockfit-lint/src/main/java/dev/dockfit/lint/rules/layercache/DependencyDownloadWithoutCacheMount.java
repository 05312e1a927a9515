package dev.dockfit.lint.rules.layercache;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.model.Span;
import dev.dockfit.dockerfile.semantic.Scope;
import dev.dockfit.dockerfile.semantic.Stage;
import dev.dockfit.finding.Practice;
import dev.dockfit.finding.Severity;
import dev.dockfit.lint.LintContext;
import dev.dockfit.lint.Rule;
import dev.dockfit.lint.RuleDoc;
import dev.dockfit.lint.support.UserInEffect;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleDoc(id = "DF315", title = "Dependency download without a BuildKit cache mount (opt-in)", severity = Severity.INFO,
        practice = Practice.LAYER_CACHE, enabledByDefault = false,
        why = "When the manifests change, the install layer is rebuilt and every package is downloaded again. A "
                + "BuildKit cache mount on the package manager's cache keeps the downloads between builds without "
                + "putting them in the image. Needs BuildKit (Docker 23+ by default) or buildah/podman; "
                + "`dockfit fix --level all` adds the mount.",
        bad = """
                FROM node:22-slim
                WORKDIR /app
                COPY package.json package-lock.json ./
                RUN npm ci --omit=dev
                """,
        good = """
                FROM node:22-slim
                WORKDIR /app
                COPY package.json package-lock.json ./
                RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
                """)
public final class DependencyDownloadWithoutCacheMount extends Rule {

    /** The finding property listing the mount targets the RUN lacks, for the fix. */
    public static final String TARGETS = "cacheMountTargets";

    @Override
    public void check(LintContext ctx) {
        List<Instruction> runs = ctx.instructions("RUN");
        for (int n = 0; n < runs.size(); n++) {
            Instruction run = runs.get(n);
            // The default cache directories are root's; another user's home is not known from the Dockerfile.
            if (UserInEffect.before(ctx.model(), run).map(u -> !UserInEffect.isRoot(u)).orElse(false)) continue;
            Scope scope = ctx.model().scopeBefore(run);
            String baseRepository = baseRepository(ctx, run);
            // one finding per RUN, on its first download command, with every cache the RUN lacks
            Set<String> missing = new LinkedHashSet<>();
            Set<String> managers = new LinkedHashSet<>();
            Span first = null;
            for (DependencyInstall.Found f : DependencyInstall.in(ctx, run)) {
                for (String dir : cacheDirs(f.install(), scope, baseRepository)) {
                    if (!ctx.cacheMounted(run, dir) && missing.add(dir)) managers.add(f.install().label);
                }
                if (first == null && !missing.isEmpty()) first = f.script().span(f.command().words().get(0));
            }
            if (first == null) continue;
            String flags = String.join(" ", missing.stream().map(d -> "--mount=type=cache,target=" + d).toList());
            ctx.report(first, "keep " + String.join(" and ", managers) + " downloads between builds: RUN " + flags + " ...",
                    null, Map.of(TARGETS, List.copyOf(missing)));
        }
    }

    /**
     * Where the manager keeps its downloads when run as root: the directory its environment variable names, else
     * the default (the official golang and rust images set GOPATH=/go and CARGO_HOME=/usr/local/cargo). Empty when
     * the download is not cached at all (pip with PIP_NO_CACHE_DIR set, Bundler and Composer, whose official images
     * install straight into the image).
     */
    static Set<String> cacheDirs(DependencyInstall manager, Scope scope, String baseRepository) {
        Set<String> dirs = new LinkedHashSet<>();
        switch (manager) {
            case NPM -> dirs.add(or(scope.get("npm_config_cache"), or(scope.get("NPM_CONFIG_CACHE"), "/root/.npm")));
            case YARN -> dirs.add(or(scope.get("YARN_CACHE_FOLDER"), "/usr/local/share/.cache/yarn"));
            case PNPM -> dirs.add(or(scope.get("PNPM_STORE_DIR"), "/root/.local/share/pnpm/store"));
            case PIP -> {
                if (scope.get("PIP_NO_CACHE_DIR") == null) dirs.add(or(scope.get("PIP_CACHE_DIR"), "/root/.cache/pip"));
            }
            case POETRY -> dirs.add(or(scope.get("POETRY_CACHE_DIR"), "/root/.cache/pypoetry"));
            case PIPENV -> dirs.add(or(scope.get("PIPENV_CACHE_DIR"), "/root/.cache/pipenv"));
            case UV -> dirs.add(or(scope.get("UV_CACHE_DIR"), "/root/.cache/uv"));
            case MAVEN -> dirs.add("/root/.m2/repository");
            case GRADLE -> dirs.add(or(scope.get("GRADLE_USER_HOME"), "/root/.gradle") + "/caches");
            case GO -> {
                String gopath = or(scope.get("GOPATH"), "golang".equals(baseRepository) ? "/go" : "/root/go");
                dirs.add(or(scope.get("GOMODCACHE"), gopath + "/pkg/mod"));
                dirs.add(or(scope.get("GOCACHE"), "/root/.cache/go-build"));
            }
            case CARGO -> dirs.add(or(scope.get("CARGO_HOME"), "rust".equals(baseRepository) ? "/usr/local/cargo" : "/root/.cargo")
                    + "/registry");
            case BUNDLER, COMPOSER -> {
            }
        }
        dirs.removeIf(d -> !d.startsWith("/"));
        return dirs;
    }

    /** The official repository name the RUN's stage chain starts from ({@code golang}, {@code rust}), or null. */
    private static String baseRepository(LintContext ctx, Instruction run) {
        Stage stage = ctx.model().stageOf(run).orElse(null);
        if (stage == null) return null;
        var ref = ctx.stageRoot(stage).base().reference();
        return ref == null ? null : ref.officialName().orElse(null);
    }

    private static String or(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
