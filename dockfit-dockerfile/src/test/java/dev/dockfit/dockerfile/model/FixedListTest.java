package dev.dockfit.dockerfile.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class FixedListTest {

    @Test
    void isAListEqualToTheJdksListsOfTheSameItems() {
        FixedList<String> list = FixedList.wrap(new String[] {"a", "b", "c"});
        assertThat(list).containsExactly("a", "b", "c");
        assertThat(list).isEqualTo(List.of("a", "b", "c")).hasSameHashCodeAs(List.of("a", "b", "c"));
        assertThat(list.indexOf("c")).isEqualTo(2);
        assertThat(list.contains("d")).isFalse();
        assertThat(list.toArray()).containsExactly("a", "b", "c");
    }

    @Test
    void subListsAreViewsOfTheirRange() {
        FixedList<String> list = FixedList.wrap(new String[] {"a", "b", "c", "d"});
        FixedList<String> middle = list.subList(1, 3);
        assertThat(middle).containsExactly("b", "c");
        assertThat(middle.subList(1, 2)).containsExactly("c");
        assertThat(middle.toArray()).containsExactly("b", "c");
        assertThat(middle.indexOf("a")).isEqualTo(-1);
        assertThat(list.subList(2, 2)).isEmpty();
        assertThatThrownBy(() -> middle.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> middle.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.subList(3, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void iteratesItsRangeOnly() {
        Iterator<String> it = FixedList.wrap(new String[] {"a", "b", "c"}).subList(1, 2).iterator();
        assertThat(it.next()).isEqualTo("b");
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        assertThat(FixedList.of().iterator().hasNext()).isFalse();
    }

    @Test
    void copiesCollectionsButNotItself() {
        List<String> source = new ArrayList<>(List.of("x", "y"));
        FixedList<String> copy = FixedList.copyOf(source);
        source.set(0, "changed");
        assertThat(copy).containsExactly("x", "y");
        assertThat(FixedList.copyOf(copy)).isSameAs(copy);
        assertThat(FixedList.copyOf(List.of("z"))).containsExactly("z");
        assertThat(FixedList.copyOf(new ArrayList<String>())).isSameAs(FixedList.of());
    }

    @Test
    void cannotBeChanged() {
        FixedList<String> list = FixedList.of("a");
        assertThatThrownBy(() -> list.add("b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.set(0, "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
