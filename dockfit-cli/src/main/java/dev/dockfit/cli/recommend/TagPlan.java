package dev.dockfit.cli.recommend;

import dev.dockfit.lint.kb.TagName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which tags of a repository to propose instead of the current one, from the tag grammar alone (the official
 * images' {@code VERSION[-VARIANT]}, read by the lint knowledge base's {@link TagName}): the newest tag of the
 * same major version and variant (minor upgrade), the newest tag of each higher major version in the same variant
 * (major upgrades), and the newest tag of each other variant family in the current major (alternative image
 * types: {@code slim}, {@code alpine3.x}, {@code bookworm-slim}, {@code jre}, distroless {@code nonroot} ...).
 * Pre-releases and tags without a version are never proposed.
 *
 * @param current the current tag as parsed
 */
public record TagPlan(TagName current, List<String> minorUpgrades, List<String> majorUpgrades, List<String> alternatives) {

    /** Variants known without seeing them in a versioned tag, for tags such as {@code bookworm-slim} or {@code nonroot}. */
    private static final Set<String> KNOWN_VARIANTS = Set.of("slim", "alpine", "bookworm", "bookworm-slim", "bullseye",
            "bullseye-slim", "trixie", "trixie-slim", "jre", "jdk", "nonroot", "debug", "debug-nonroot", "busybox");
    private static final int MAX_MAJOR_UPGRADES = 3;

    private record Parsed(String tag, TagName name, List<String> components) {
        String major() {
            return components.get(0);
        }
    }

    public static TagPlan of(String currentTag, List<String> tags) {
        Set<String> variants = new HashSet<>(KNOWN_VARIANTS);
        for (String t : tags) {
            TagName n = TagName.parse(t, Set.of());
            if (n.versioned() && !n.variant().isEmpty()) variants.add(n.variant());
        }
        TagName current = TagName.parse(currentTag, variants);
        List<Parsed> candidates = new ArrayList<>();
        for (String t : tags) {
            TagName n = TagName.parse(t, variants);
            if (t.equals(currentTag) || !n.versioned() || TagName.isPreRelease(n.designator())) continue;
            candidates.add(new Parsed(t, n, TagName.components(n.designator())));
        }
        List<String> currentComponents = current.versioned() ? TagName.components(current.designator()) : List.of();
        Optional<String> currentMajor = currentComponents.isEmpty() ? Optional.empty() : Optional.of(currentComponents.get(0));
        String family = family(current.variant());

        List<String> minor = new ArrayList<>();
        currentMajor.ifPresent(major -> candidates.stream()
                .filter(p -> p.name().variant().equals(current.variant()) && p.major().equals(major)
                        && compare(p.components(), currentComponents) > 0)
                .max(ORDER).ifPresent(p -> minor.add(p.tag())));

        Map<String, Parsed> newestPerMajor = new LinkedHashMap<>();
        candidates.stream()
                .filter(p -> p.name().variant().equals(current.variant()))
                .filter(p -> currentMajor.map(m -> compareComponent(p.major(), m) > 0).orElse(true))
                .sorted(ORDER.reversed())
                .forEach(p -> newestPerMajor.putIfAbsent(p.major(), p));
        List<String> major = newestPerMajor.values().stream().limit(MAX_MAJOR_UPGRADES).map(Parsed::tag).toList();

        Map<String, Parsed> newestPerFamily = new LinkedHashMap<>();
        candidates.stream()
                .filter(p -> !family(p.name().variant()).equals(family))
                .filter(p -> currentMajor.map(m -> p.major().equals(m)).orElse(true))
                .sorted(ORDER.reversed())
                .forEach(p -> newestPerFamily.putIfAbsent(family(p.name().variant()), p));
        List<String> alternatives = newestPerFamily.values().stream().map(Parsed::tag).toList();
        return new TagPlan(current, minor, major, alternatives);
    }

    /** Newest version first; for equal versions, the more specific tag ({@code 12.2} over {@code 12}), then the newer variant. */
    private static final Comparator<Parsed> ORDER = (a, b) -> {
        int c = compare(a.components(), b.components());
        if (c != 0) return c;
        return a.name().variant().compareTo(b.name().variant());
    };

    /** {@code alpine3.19} and {@code alpine3.18} are one family, as are {@code bookworm-slim} variants of any release. */
    static String family(String variant) {
        return variant.replaceAll("\\d+(\\.\\d+)*$", "");
    }

    static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareComponent(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareComponent(String a, String b) {
        boolean na = a.chars().allMatch(Character::isDigit);
        boolean nb = b.chars().allMatch(Character::isDigit);
        if (na && nb) return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
        if (na != nb) return na ? 1 : -1;
        return a.compareTo(b);
    }
}
