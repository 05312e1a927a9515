package dev.dockfit.lint.kb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Docker Official Image as the knowledge base describes it: its listed tags grouped by build, the versions
 * and variants they name, and the curated facts (deprecation, SDK, smaller variants, distribution family).
 */
public final class OfficialImage {

    /** One build of the tag lists: tags that are aliases of the same image. */
    public record Build(List<String> tags, boolean windows, List<String> architectures) {
    }

    record SmallerRule(Pattern from, List<String> groups, String image, String to, OptionalInt fromMB,
                       OptionalInt toMB) {
    }

    record FamilyRule(Pattern match, Family family) {
    }

    record Sdk(Optional<Pattern> tags, SdkInfo info) {
    }

    private static final Pattern DATED = Pattern.compile("(.+)-\\d{8}(?:\\.\\d+)*");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final String name;
    private final boolean inLibrary;
    private final int lineDepth;
    private final Map<String, List<String>> versions;
    private final Map<String, List<String>> versionComponents = new LinkedHashMap<>();
    private final Map<String, List<String>> aliases;
    private final List<Build> builds;
    private final Map<String, List<Build>> byTag = new LinkedHashMap<>();
    private final Set<String> variantNames = new TreeSet<>();
    private final Set<String> allVariants = new TreeSet<>();
    private final Optional<Deprecation> deprecation;
    private final Optional<Sdk> sdk;
    private final List<SmallerRule> smaller;
    private final List<FamilyRule> familyRules;
    private final Optional<Family> defaultFamily;
    /** Tags already split (a lookup parses every listed tag); bounded for a long-lived process. */
    private final Map<String, TagName> parsedTags = new ConcurrentHashMap<>();
    private static final int MAX_PARSED_TAGS = 20_000;
    /** {@link #variantTags} of every designator, indexed on first use (else each question parses every tag). */
    private volatile Map<String, List<String>> variantTagsByDesignator;
    /** {@link #newestLine}, found on first use: a pure function of the lists, asked per finding (null: not yet). */
    private volatile Optional<String> newestLine;

    OfficialImage(String name, boolean inLibrary, int lineDepth, Map<String, List<String>> versions,
                  Map<String, List<String>> aliases, List<Build> builds, Optional<Deprecation> deprecation,
                  Optional<Sdk> sdk, List<SmallerRule> smaller, List<FamilyRule> familyRules,
                  Optional<Family> defaultFamily) {
        this.name = name;
        this.inLibrary = inLibrary;
        this.lineDepth = lineDepth;
        this.versions = versions;
        this.aliases = aliases;
        this.builds = builds;
        this.deprecation = deprecation;
        this.sdk = sdk;
        this.smaller = smaller;
        this.familyRules = familyRules;
        this.defaultFamily = defaultFamily;
        for (Build b : builds) {
            for (String t : b.tags()) byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(b);
        }
        versions.keySet().forEach(v -> versionComponents.put(v, TagName.components(v)));
        versions.values().forEach(variantNames::addAll);
        variantNames.remove("");
        allVariants.addAll(variantNames);
        aliases.values().forEach(allVariants::addAll);
        allVariants.remove("");
    }

    public String name() {
        return name;
    }

    /** False for a deprecated image that the tag lists no longer hold at all (centos, java, ...). */
    public boolean inLibrary() {
        return inLibrary;
    }

    /** How many leading version components name a release line: 1 for node (26), 2 for python (3.12). */
    public int lineDepth() {
        return lineDepth;
    }

    /** Listed version designators, newest first, each with the variants it comes in ("" for none). */
    public Map<String, List<String>> versions() {
        return Collections.unmodifiableMap(versions);
    }

    public List<Build> builds() {
        return Collections.unmodifiableList(builds);
    }

    public Set<String> tags() {
        return Collections.unmodifiableSet(byTag.keySet());
    }

    /** The listed tags that have a variant and this version designator ({@code 3.12-slim} for 3.12), sorted. */
    public List<String> variantTags(String designator) {
        Map<String, List<String>> index = variantTagsByDesignator;
        if (index == null) {
            index = new HashMap<>();
            for (String tag : byTag.keySet()) {
                TagName t = parse(tag);
                if (!t.variant().isEmpty()) index.computeIfAbsent(t.designator(), d -> new ArrayList<>()).add(tag);
            }
            for (List<String> tags : index.values()) Collections.sort(tags);
            variantTagsByDesignator = index;
        }
        return Collections.unmodifiableList(index.getOrDefault(designator, List.of()));
    }

    /** The newest release line the lists hold: the first listed version with a full line, pre-releases skipped. */
    public Optional<String> newestLine() {
        Optional<String> found = newestLine;
        if (found == null) newestLine = found = findNewestLine();
        return found;
    }

    private Optional<String> findNewestLine() {
        for (String v : versions.keySet()) {
            if (TagName.isPreRelease(v)) continue;
            List<String> c = TagName.components(v);
            if (c.size() < lineDepth || !c.stream().allMatch(p -> DIGITS.matcher(p).matches())) continue;
            if (c.get(0).length() >= 8) continue; // a dated snapshot (alpine:20260805), not a release line
            return Optional.of(String.join(".", c.subList(0, lineDepth)));
        }
        return Optional.empty();
    }

    public boolean isListed(String tag) {
        return byTag.containsKey(tag);
    }

    public Optional<Deprecation> deprecation() {
        return deprecation;
    }

    public TagName parse(String tag) {
        TagName known = parsedTags.get(tag);
        if (known != null) return known;
        TagName t = TagName.parse(tag, variantNames);
        if (parsedTags.size() < MAX_PARSED_TAGS) parsedTags.put(tag, t);
        return t;
    }

    List<SmallerRule> smallerRules() {
        return smaller;
    }

    /** The builds that carry the tag: the Linux ones when there are any (a shared tag such as 21 spans both). */
    List<Build> buildsOf(String tag) {
        List<Build> all = byTag.getOrDefault(tag, List.of());
        List<Build> linux = all.stream().filter(b -> !b.windows()).toList();
        return linux.isEmpty() ? all : linux;
    }

    boolean isLinuxTag(String tag) {
        return byTag.getOrDefault(tag, List.of()).stream().anyMatch(b -> !b.windows());
    }

    TagStatus status(String tag) {
        if (!inLibrary) {
            return TagStatus.of(deprecation.isPresent() ? Maintenance.UNMAINTAINED : Maintenance.UNKNOWN);
        }
        if (isListed(tag)) return TagStatus.of(Maintenance.MAINTAINED);
        TagName t = parse(tag);
        if (!t.variant().isEmpty() && !allVariants.contains(t.variant())) return TagStatus.of(Maintenance.UNMAINTAINED);
        if (t.versioned()) return versionStatus(t);
        Matcher dated = DATED.matcher(t.designator());
        String base = dated.matches() ? dated.group(1) : t.designator();
        if (!aliases.containsKey(base)) return TagStatus.of(Maintenance.UNMAINTAINED);
        String current = TagName.join(base, t.variant());
        if (dated.matches()) {
            // the newest listed snapshot of the same alias and variant, e.g. bookworm-20260803-slim
            current = byTag.keySet().stream()
                    .filter(c -> DATED.matcher(parse(c).designator()).matches())
                    .filter(c -> parse(c).variant().equals(t.variant()) && c.startsWith(base + "-"))
                    .max(String::compareTo).orElse(current);
        }
        return new TagStatus(Maintenance.FROZEN, isListed(current) ? Optional.of(current) : Optional.empty());
    }

    private TagStatus versionStatus(TagName t) {
        List<String> v = TagName.components(t.designator());
        List<String> inLine = new ArrayList<>(); // listed versions of the same release line
        for (String listed : versions.keySet()) {
            List<String> p = versionComponents.get(listed);
            boolean sameLine = v.size() >= lineDepth
                    ? p.size() >= lineDepth && p.subList(0, lineDepth).equals(v.subList(0, lineDepth))
                    : p.size() >= v.size() && p.subList(0, v.size()).equals(v);
            if (sameLine) inLine.add(listed);
        }
        if (inLine.isEmpty()) return TagStatus.of(Maintenance.UNMAINTAINED);
        // a release pin moves to a release (8.4.20 -> 8.4.24, not 8.4-rc)
        List<String> releases = inLine.stream().filter(p -> !TagName.isPreRelease(p)).toList();
        List<String> candidates = TagName.isPreRelease(t.designator()) || releases.isEmpty() ? inLine : releases;
        // prefer a pin of the same precision (26.6.1 -> 26.7.0), newest first as the data file orders them
        Optional<String> current = candidates.stream()
                .filter(p -> versionComponents.get(p).size() == v.size() && versions.get(p).contains(t.variant()))
                .findFirst()
                .or(() -> candidates.stream().filter(p -> versions.get(p).contains(t.variant())).findFirst())
                .map(p -> TagName.join(p, t.variant()));
        return new TagStatus(Maintenance.FROZEN, current);
    }

    /** The family from the tag's own name, else from the other tags of its build, else the image's default. */
    Optional<Family> family(String tag, List<FamilyRule> global) {
        List<FamilyRule> rules = new ArrayList<>(familyRules);
        rules.addAll(global);
        Optional<Family> direct = firstMatch(rules, List.of(tag));
        if (direct.isPresent()) return direct;
        String listed = tag;
        if (!isListed(tag)) {
            // a frozen pin's current tag, else any listed tag of the same variant (node:20 -> node:26)
            String variant = parse(tag).variant();
            listed = status(tag).current().or(() -> versions.entrySet().stream()
                    .filter(e -> e.getValue().contains(variant)).map(e -> TagName.join(e.getKey(), variant))
                    .filter(this::isListed).findFirst()).orElse(tag);
        }
        Set<String> siblings = new LinkedHashSet<>();
        for (Build b : buildsOf(listed)) siblings.addAll(b.tags());
        return firstMatch(rules, List.copyOf(siblings)).or(() -> defaultFamily);
    }

    private static Optional<Family> firstMatch(List<FamilyRule> rules, List<String> tags) {
        for (FamilyRule r : rules) {
            for (String t : tags) {
                if (r.match().matcher(t).find()) return Optional.of(r.family());
            }
        }
        return Optional.empty();
    }

    Optional<SdkInfo> sdk(String tag) {
        return sdk.filter(s -> s.tags().map(p -> p.matcher(tag).find()).orElse(true)).map(Sdk::info);
    }

    @Override
    public String toString() {
        return name;
    }
}
