package dev.dockfit.lint.support;

/**
 * A fixed set of strings for the rules' hot lookups (command names, flags, keywords), each with its index in the
 * order given. Made for C1, the lint server's compiler: {@code Set.of(...).contains} is an interface call that
 * compares with {@code equals} every element its probe meets; here the strings' cached hash codes are compared
 * first, so a miss (the usual answer) costs no {@code equals}, and the class is final, so the call is inlined.
 */
public final class Names {
    private final String[] names; // by slot, null for a free one
    private final int[] hashes;
    private final int[] indexes;
    private final int mask;
    private final int size;

    private Names(String[] given) {
        int slots = 4;
        while (slots < 4 * given.length) slots <<= 1; // at most a quarter full: probes are short
        names = new String[slots];
        hashes = new int[slots];
        indexes = new int[slots];
        mask = slots - 1;
        size = given.length;
        for (int n = 0; n < given.length; n++) {
            String name = given[n];
            int h = name.hashCode();
            int i = slot(h);
            while (names[i] != null) {
                if (names[i].equals(name)) throw new IllegalArgumentException("duplicate name: " + name);
                i = (i + 1) & mask;
            }
            names[i] = name;
            hashes[i] = h;
            indexes[i] = n;
        }
    }

    /** The set of these names; a duplicate is an error, as with {@code Set.of}. */
    public static Names of(String... names) {
        return new Names(names.clone());
    }

    public boolean contains(String name) {
        return indexOf(name) >= 0;
    }

    /** The position of {@code name} among the names as given to {@link #of}, or -1. */
    public int indexOf(String name) {
        int h = name.hashCode();
        for (int i = slot(h); names[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && names[i].equals(name)) return indexes[i];
        }
        return -1;
    }

    public int size() {
        return size;
    }

    private int slot(int hash) {
        return (hash ^ hash >>> 16) & mask;
    }
}
