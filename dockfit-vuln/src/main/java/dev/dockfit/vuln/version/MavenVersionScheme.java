package dev.dockfit.vuln.version;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Maven's ordering (the semantics of Maven's {@code ComparableVersion}): the version splits at
 * {@code .}, {@code -} and digit/letter transitions into numbers and qualifiers; {@code -} and
 * transitions open a sub-list. Qualifiers order {@code alpha < beta < milestone < rc = cr < snapshot
 * < "" = ga = final = release < sp}, unknown qualifiers after those (alphabetically); {@code a1},
 * {@code b1}, {@code m1} mean alpha, beta, milestone. Trailing zeros and release qualifiers are
 * ignored, so {@code 1.0 = 1 = 1-ga}.
 */
public final class MavenVersionScheme implements VersionScheme {

    private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
    private static final String RELEASE_RANK = String.valueOf(QUALIFIERS.indexOf(""));

    @Override
    public String name() {
        return "maven";
    }

    @Override
    public int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    /** Any non-blank string is a Maven version; Maven orders everything. */
    @Override
    public boolean isValid(String version) {
        return version != null && !version.isBlank() && version.chars().noneMatch(Character::isWhitespace);
    }

    private sealed interface Item permits IntItem, StringItem, ListItem {
        /** Compares with another item, or with "nothing" when {@code other} is null. */
        int compareTo(Item other);

        boolean isNull();
    }

    private record IntItem(BigInteger value) implements Item {
        @Override
        public int compareTo(Item other) {
            if (other == null) return value.signum() == 0 ? 0 : 1;
            if (other instanceof IntItem i) return value.compareTo(i.value);
            return 1; // 1.1 > 1-sp, 1.1 > 1-1
        }

        @Override
        public boolean isNull() {
            return value.signum() == 0;
        }
    }

    private record StringItem(String value) implements Item {
        static StringItem of(String raw, boolean followedByDigit) {
            String v = raw;
            if (followedByDigit && v.length() == 1) {
                switch (v.charAt(0)) {
                    case 'a' -> v = "alpha";
                    case 'b' -> v = "beta";
                    case 'm' -> v = "milestone";
                    default -> { }
                }
            }
            v = switch (v) {
                case "ga", "final", "release" -> "";
                case "cr" -> "rc";
                default -> v;
            };
            return new StringItem(v);
        }

        static String rank(String qualifier) {
            int i = QUALIFIERS.indexOf(qualifier);
            return i >= 0 ? String.valueOf(i) : QUALIFIERS.size() + "-" + qualifier;
        }

        @Override
        public int compareTo(Item other) {
            if (other == null) return rank(value).compareTo(RELEASE_RANK);
            if (other instanceof StringItem s) return rank(value).compareTo(rank(s.value));
            return -1; // 1.any < 1.1, 1.any < 1-1
        }

        @Override
        public boolean isNull() {
            return rank(value).equals(RELEASE_RANK);
        }
    }

    private static final class ListItem implements Item {
        final List<Item> items = new ArrayList<>();

        @Override
        public int compareTo(Item other) {
            if (other == null) {
                for (Item i : items) {
                    int r = i.compareTo(null);
                    if (r != 0) return r;
                }
                return 0;
            }
            if (other instanceof IntItem) return -1;
            if (other instanceof StringItem) return 1;
            ListItem o = (ListItem) other;
            int n = Math.max(items.size(), o.items.size());
            for (int k = 0; k < n; k++) {
                Item l = k < items.size() ? items.get(k) : null;
                Item r = k < o.items.size() ? o.items.get(k) : null;
                int c = l == null ? (r == null ? 0 : -r.compareTo(null)) : l.compareTo(r);
                if (c != 0) return c;
            }
            return 0;
        }

        @Override
        public boolean isNull() {
            return items.isEmpty();
        }

        /** Drops trailing "null" items (0, release qualifiers, empty lists) up to the last non-list item. */
        void normalize() {
            for (int k = items.size() - 1; k >= 0; k--) {
                Item last = items.get(k);
                if (last.isNull()) {
                    items.remove(k);
                } else if (!(last instanceof ListItem)) {
                    break;
                }
            }
        }
    }

    private static ListItem parse(String version) {
        String v = version.strip().toLowerCase(Locale.ROOT);
        ListItem root = new ListItem();
        ListItem list = root;
        Deque<ListItem> stack = new ArrayDeque<>();
        stack.push(list);
        boolean digit = false;
        int start = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '.' || c == '-') {
                list.items.add(i == start ? new IntItem(BigInteger.ZERO) : item(digit, v.substring(start, i)));
                start = i + 1;
                if (c == '-') {
                    ListItem sub = new ListItem();
                    list.items.add(sub);
                    list = sub;
                    stack.push(list);
                }
            } else if (c >= '0' && c <= '9') {
                if (!digit && i > start) {
                    // "rc1" reads as "rc-1": the letters become a qualifier, the number a sub-list
                    list.items.add(StringItem.of(v.substring(start, i), true));
                    start = i;
                    ListItem sub = new ListItem();
                    list.items.add(sub);
                    list = sub;
                    stack.push(list);
                }
                digit = true;
            } else {
                if (digit && i > start) {
                    list.items.add(item(true, v.substring(start, i)));
                    start = i;
                    ListItem sub = new ListItem();
                    list.items.add(sub);
                    list = sub;
                    stack.push(list);
                }
                digit = false;
            }
        }
        if (v.length() > start) list.items.add(item(digit, v.substring(start)));
        while (!stack.isEmpty()) stack.pop().normalize();
        return root;
    }

    private static Item item(boolean digit, String text) {
        return digit ? new IntItem(new BigInteger(text)) : StringItem.of(text, false);
    }
}
