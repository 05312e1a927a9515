package dev.dockfit.lint.fix.practice;

import dev.dockfit.dockerfile.shell.SimpleCommand;
import dev.dockfit.finding.Practice;
import dev.dockfit.lint.fix.FileFix;
import dev.dockfit.lint.fix.Fix;
import dev.dockfit.lint.fix.FixInput;
import dev.dockfit.lint.fix.FixLevel;
import dev.dockfit.lint.fix.Proposal;
import dev.dockfit.lint.support.BuildCommands;
import dev.dockfit.reference.ImageReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * multi-stage (DF100), Java with Maven or Gradle: the stage FROM the SDK image ({@code maven:}, {@code gradle:},
 * an eclipse-temurin JDK) that runs {@code mvn package} or {@code gradle build} becomes the build stage, and the
 * jar the container starts ({@code java -jar PATH}) is copied onto {@code eclipse-temurin:N-jre} of the same Java
 * version, to the same path, so CMD/ENTRYPOINT stay as written. For Maven, the jar must be the one pom.xml
 * builds ({@code finalName}, else {@code artifactId-version}).
 */
public final class JavaJarMultiStageFix implements FileFix {
    static final String RULE = "DF100";
    /** The Java version in an SDK image's tag: maven:3-eclipse-temurin-17, gradle:8-jdk21-alpine, eclipse-temurin:17-jdk. */
    private static final Pattern JAVA = Pattern.compile("(?:^|-)(?:eclipse-temurin-|openjdk-|temurin-|jdk-?)(\\d+)(?:$|[-.])");
    private static final Pattern LEADING = Pattern.compile("^(\\d+)(?:$|[-.u])");

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<Proposal> propose(FixInput in) {
        if (!in.wants(RULE)) return List.of();
        var found = StageSplit.plan(in, c -> BuildCommands.describe(c).isPresent()
                && (maven(c) || c.name().equals("gradle") || c.name().equals("gradlew")));
        if (found.isEmpty()) return List.of();
        String what = "build the jar in a stage of its own and run it on a JRE image";
        if (found.get().refusal() != null) return List.of(StageSplit.refused(RULE, what, found.get().refusal()));
        StageSplit.Plan plan = found.get().plan();
        ImageReference image = plan.stage().base().reference();
        Optional<String> java = javaVersion(image);
        if (java.isEmpty()) {
            return List.of(StageSplit.refused(RULE, what, "the Java version of " + plan.stage().base().raw() + " is unknown"));
        }
        List<String> command = StageSplit.command(plan);
        int jarAt = command.indexOf("-jar");
        if (jarAt < 0 || jarAt + 1 >= command.size()) {
            return List.of(StageSplit.refused(RULE, what, "the container does not start a jar with java -jar"));
        }
        String jar = command.get(jarAt + 1);
        if (!jar.matches("[A-Za-z0-9_./-]+\\.jar")) {
            return List.of(StageSplit.refused(RULE, what, "the jar path " + jar + " is not a plain file name"));
        }
        String wd = StageSplit.workdir(in, plan);
        if (!jar.startsWith("/") && wd == null) {
            return List.of(StageSplit.refused(RULE, what, "the jar path " + jar + " is relative to a directory dockfit cannot tell"));
        }
        String path = StageFacts.resolve(wd == null ? "/" : wd, jar);
        if (maven(plan.build())) {
            Optional<String> built = mavenJar(in);
            if (built.isPresent() && !path.endsWith("/target/" + built.get())) {
                return List.of(StageSplit.refused(RULE, what, "the container runs " + jar + " but pom.xml builds target/" + built.get()));
            }
        }
        String runtime = "eclipse-temurin:" + java.get() + "-jre" + (image.tag().contains("alpine") ? "-alpine" : "");
        var edits = StageSplit.edits(in, plan, runtime, List.of(StageSplit.copyFromBuild(plan, path, path)));
        return List.of(Proposal.of(RULE, Practice.MULTI_STAGE, new Fix((maven(plan.build()) ? "Maven" : "Gradle")
                + " build moved to stage '" + plan.buildName() + "'; " + path + " runs on " + runtime,
                FixLevel.RECOMMENDED, edits), "the final image holds the jar on a JRE, without the JDK, the build tool and its caches"));
    }

    private static boolean maven(SimpleCommand c) {
        return c.name().equals("mvn") || c.name().equals("mvnw");
    }

    /** The Java feature version an SDK image runs, from its tag (maven, gradle and eclipse-temurin images). */
    static Optional<String> javaVersion(ImageReference image) {
        if (image == null || image.tag() == null) return Optional.empty();
        String name = image.officialName().orElse("");
        Matcher m = (name.equals("eclipse-temurin") ? LEADING : JAVA).matcher(image.tag());
        if (!m.find() || !List.of("maven", "gradle", "eclipse-temurin").contains(name)) return Optional.empty();
        return Optional.of(m.group(1));
    }

    /**
     * The jar file pom.xml builds: {@code build/finalName}, else {@code artifactId-version}, with a jar packaging;
     * empty when there is no readable pom or the name holds a property.
     */
    static Optional<String> mavenJar(FixInput in) {
        if (in.contextDir().isEmpty() || !in.contextHas("pom.xml")) return Optional.empty();
        Path pom = in.contextDir().get().resolve("pom.xml");
        try (var stream = Files.newInputStream(pom)) {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            Element project = factory.newDocumentBuilder().parse(stream).getDocumentElement();
            String packaging = text(project, "packaging").orElse("jar");
            if (!packaging.equals("jar")) return Optional.empty();
            Optional<String> finalName = child(project, "build").flatMap(b -> text(b, "finalName"));
            String version = text(project, "version").or(() -> child(project, "parent").flatMap(p -> text(p, "version"))).orElse("");
            String name = finalName.orElseGet(() -> text(project, "artifactId").orElse("") + "-" + version);
            return name.contains("$") || name.startsWith("-") || name.endsWith("-") ? Optional.empty() : Optional.of(name + ".jar");
        } catch (Exception e) {
            return Optional.empty(); // an unreadable pom: the CMD's jar path is all there is to go on
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return Optional.of(e);
        }
        return Optional.empty();
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().strip());
    }
}
