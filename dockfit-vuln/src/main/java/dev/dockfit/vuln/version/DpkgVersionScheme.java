package dev.dockfit.vuln.version;

/**
 * Debian's ordering, as {@code dpkg --compare-versions}: {@code [epoch:]upstream[-revision]}; each
 * part compared by alternating non-digit runs (letters before other characters, {@code ~} before
 * everything including the end) and digit runs compared as numbers.
 */
public final class DpkgVersionScheme implements VersionScheme {

    @Override
    public String name() {
        return "dpkg";
    }

    @Override
    public int compare(String a, String b) {
        Parsed pa = Parsed.of(a);
        Parsed pb = Parsed.of(b);
        int c = Long.compare(pa.epoch, pb.epoch);
        if (c != 0) return c;
        c = compareFragment(pa.upstream, pb.upstream);
        if (c != 0) return c;
        return compareFragment(pa.revision, pb.revision);
    }

    @Override
    public boolean isValid(String version) {
        if (version == null || version.isEmpty()) return false;
        for (int i = 0; i < version.length(); i++) {
            if (Character.isWhitespace(version.charAt(i))) return false;
        }
        int colon = version.indexOf(':');
        String rest = version;
        if (colon >= 0) {
            String epoch = version.substring(0, colon);
            if (epoch.isEmpty() || !epoch.chars().allMatch(ch -> ch >= '0' && ch <= '9')) return false;
            rest = version.substring(colon + 1);
        }
        int dash = rest.lastIndexOf('-');
        String upstream = dash >= 0 ? rest.substring(0, dash) : rest;
        String revision = dash >= 0 ? rest.substring(dash + 1) : "";
        if (upstream.isEmpty() || !isDigit(upstream.charAt(0))) return false;
        if (dash >= 0 && revision.isEmpty()) return false;
        for (char ch : upstream.toCharArray()) {
            if (!(isAlnum(ch) || ".+-~:".indexOf(ch) >= 0)) return false;
        }
        for (char ch : revision.toCharArray()) {
            if (!(isAlnum(ch) || ".+~".indexOf(ch) >= 0)) return false;
        }
        return true;
    }

    private record Parsed(long epoch, String upstream, String revision) {
        static Parsed of(String v) {
            String s = v.strip();
            long epoch = 0;
            int colon = s.indexOf(':');
            if (colon >= 0) {
                String e = s.substring(0, colon);
                epoch = e.isEmpty() ? 0 : parseEpoch(e, v);
                s = s.substring(colon + 1);
            }
            int dash = s.lastIndexOf('-');
            if (dash >= 0) return new Parsed(epoch, s.substring(0, dash), s.substring(dash + 1));
            return new Parsed(epoch, s, "");
        }

        private static long parseEpoch(String e, String whole) {
            try {
                return Long.parseLong(e);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("not a dpkg version (bad epoch): " + whole);
            }
        }
    }

    /** dpkg's verrevcmp. */
    static int compareFragment(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !isDigit(a.charAt(i))) || (j < b.length() && !isDigit(b.charAt(j)))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) return ac - bc;
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') i++;
            while (j < b.length() && b.charAt(j) == '0') j++;
            while (i < a.length() && isDigit(a.charAt(i)) && j < b.length() && isDigit(b.charAt(j))) {
                if (firstDiff == 0) firstDiff = a.charAt(i) - b.charAt(j);
                i++;
                j++;
            }
            if (i < a.length() && isDigit(a.charAt(i))) return 1;
            if (j < b.length() && isDigit(b.charAt(j))) return -1;
            if (firstDiff != 0) return firstDiff;
        }
        return 0;
    }

    /** Weight of the character at {@code i}: end and digits 0, {@code ~} lowest, letters by code, others after letters. */
    private static int order(String s, int i) {
        if (i >= s.length()) return 0;
        char c = s.charAt(i);
        if (isDigit(c)) return 0;
        if (Character.isLetter(c) && c < 128) return c;
        if (c == '~') return -1;
        return c + 256;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
