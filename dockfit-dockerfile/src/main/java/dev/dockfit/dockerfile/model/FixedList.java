package dev.dockfit.dockerfile.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.RandomAccess;

/**
 * An immutable list over an array (or a range of one): the one list class behind the model's hot lists.
 * Why one class: the lint server runs on C1, whose call sites remember a single receiver class. A {@code List}
 * call site that sees the JDK's several immutable lists ({@code List12}, {@code ListN}, sub-lists, empty and
 * unmodifiable lists) pays an interface dispatch (an itable scan) on every {@code get}, {@code size} or
 * iterator step; one that only ever sees this class is a direct call.
 */
public final class FixedList<E> extends AbstractList<E> implements RandomAccess {
    private static final FixedList<Object> EMPTY = new FixedList<>(new Object[0], 0, 0);

    private final Object[] items;
    private final int from;
    private final int size;

    private FixedList(Object[] items, int from, int size) {
        this.items = items;
        this.from = from;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    public static <E> FixedList<E> of() {
        return (FixedList<E>) EMPTY;
    }

    public static <E> FixedList<E> of(E item) {
        return new FixedList<>(new Object[] {item}, 0, 1);
    }

    /** The list over {@code items} itself, not a copy: the caller hands over an array nothing else writes to. */
    public static <E> FixedList<E> wrap(E[] items) {
        return items.length == 0 ? of() : new FixedList<>(items, 0, items.length);
    }

    /** An immutable copy; a FixedList is returned as it is. */
    @SuppressWarnings("unchecked")
    public static <E> FixedList<E> copyOf(Collection<? extends E> items) {
        if (items instanceof FixedList<?> fixed) return (FixedList<E>) fixed;
        // most copies are of the parser's ArrayLists: asked as such, not through Collection (an itable call)
        if (items instanceof ArrayList<?> list) {
            return list.isEmpty() ? of() : new FixedList<>(list.toArray(), 0, list.size());
        }
        return items.isEmpty() ? of() : new FixedList<>(items.toArray(), 0, items.size());
    }

    /** Small enough for C1 to inline where it is called on a FixedList-typed value (the message is made apart). */
    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        if (index < 0 || index >= size) throw outOfBounds(index);
        return (E) items[from + index];
    }

    private IndexOutOfBoundsException outOfBounds(int index) {
        return new IndexOutOfBoundsException("index " + index + ", size " + size);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    /** A view, not a copy. */
    @Override
    public FixedList<E> subList(int fromIndex, int toIndex) {
        if (fromIndex < 0 || toIndex > size || fromIndex > toIndex) {
            throw new IndexOutOfBoundsException("range " + fromIndex + ".." + toIndex + ", size " + size);
        }
        return fromIndex == toIndex ? of() : new FixedList<>(items, from + fromIndex, toIndex - fromIndex);
    }

    @Override
    public Object[] toArray() {
        return Arrays.copyOfRange(items, from, from + size);
    }

    @Override
    public int indexOf(Object o) {
        for (int i = 0; i < size; i++) {
            if (o == null ? items[from + i] == null : o.equals(items[from + i])) return i;
        }
        return -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    /**
     * An iterator that reads the array: for-each loops over the model make no List call per element. The empty
     * lists share one (it has no state to change), so looping over an empty list allocates nothing.
     */
    @Override
    public Iterator<E> iterator() {
        return size == 0 ? Itr.none() : new Itr<>(items, from, from + size);
    }

    private static final class Itr<E> implements Iterator<E> {
        private static final Itr<Object> NONE = new Itr<>(new Object[0], 0, 0);
        private final Object[] items;
        private final int end;
        private int next;

        Itr(Object[] items, int next, int end) {
            this.items = items;
            this.next = next;
            this.end = end;
        }

        @SuppressWarnings("unchecked")
        static <E> Itr<E> none() {
            return (Itr<E>) NONE;
        }

        @Override
        public boolean hasNext() {
            return next < end;
        }

        @Override
        @SuppressWarnings("unchecked")
        public E next() {
            if (next >= end) throw new NoSuchElementException();
            return (E) items[next++];
        }
    }
}
