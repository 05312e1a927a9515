package dev.dockfit.lint.kb;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tag split into the part that names a release and the variant after it, the way the official images name
 * their tags: {@code 3.12-slim-bookworm} is version {@code 3.12}, variant {@code slim-bookworm};
 * {@code 8u502-b07-jre} is {@code 8u502-b07} and {@code jre}; {@code lts-alpine3.23} is the alias {@code lts}
 * and {@code alpine3.23}; {@code bookworm} (in node) is no designator and variant {@code bookworm}.
 *
 * <p>A tag starting with a digit starts with its version, which runs on over tokens such as {@code rc},
 * {@code ea}, {@code b07} or further numbers. Any other tag is split at the longest suffix that is a variant of
 * the image. The same grammar is implemented in scripts/GenImageKb.java, which writes the data file.
 *
 * @param designator a version ({@code 26.7}), an alias ({@code lts}, {@code bookworm}, {@code latest}) or empty
 * @param variant    the variant, empty for none
 */
public record TagName(String designator, String variant) {

    private static final Pattern VERSION_CONTINUATION =
            Pattern.compile("\\d[\\w.]*|rc\\d*|ea|alpha[\\d.]*|beta[\\d.]*|preview[\\d.]*|dev\\d*|b\\d+");
    private static final Pattern PRE_RELEASE = Pattern.compile("(?i)rc|alpha|beta|ea|dev|preview|snapshot");
    private static final Pattern COMPONENT_SPLIT =
            Pattern.compile("[._-]|(?<=\\d)(?=[a-zA-Z])|(?<=[a-zA-Z])(?=\\d)");

    /** Splits a tag, given the image's variant names (used only for tags that do not start with a version). */
    public static TagName parse(String tag, Set<String> variantNames) {
        String[] tokens = tag.split("-", -1);
        if (!tokens[0].isEmpty() && Character.isDigit(tokens[0].charAt(0))) {
            int i = 1;
            while (i < tokens.length && VERSION_CONTINUATION.matcher(tokens[i]).matches()) i++;
            return new TagName(String.join("-", Arrays.copyOfRange(tokens, 0, i)),
                    String.join("-", Arrays.copyOfRange(tokens, i, tokens.length)));
        }
        if (variantNames.contains(tag)) return new TagName("", tag);
        String best = null;
        for (String v : variantNames) {
            if (tag.endsWith("-" + v) && (best == null || v.length() > best.length())) best = v;
        }
        return best == null ? new TagName(tag, "")
                : new TagName(tag.substring(0, tag.length() - best.length() - 1), best);
    }

    /** Whether the designator is a version (starts with a digit) rather than an alias. */
    public boolean versioned() {
        return !designator.isEmpty() && Character.isDigit(designator.charAt(0));
    }

    /** The version's components: {@code 3.15.0rc1} is 3, 15, 0, rc, 1. */
    public static List<String> components(String version) {
        return Arrays.stream(COMPONENT_SPLIT.split(version)).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether a version names a pre-release: {@code 3.15.0rc1}, {@code 8.4-rc}, {@code 28-ea-11}. */
    public static boolean isPreRelease(String version) {
        return components(version).stream().anyMatch(c -> PRE_RELEASE.matcher(c).matches());
    }

    /** The tag for a designator and a variant: {@code 3.12} + {@code slim} is {@code 3.12-slim}. */
    public static String join(String designator, String variant) {
        if (designator.isEmpty()) return variant;
        return variant.isEmpty() ? designator : designator + "-" + variant;
    }
}
