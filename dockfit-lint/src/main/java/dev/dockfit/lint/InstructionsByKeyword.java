package dev.dockfit.lint;

import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.lint.support.Names;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A file's instructions grouped by keyword, each group in file order, so that a rule visits only the instructions
 * it is about instead of asking every instruction {@link Instruction#is} (hot on C1: most rules are about one
 * keyword). Made once per file, by counting then placing, into one array; each group is a read-only view of its
 * part of it. Every list it gives out, empty ones and the whole file included, is of the one class {@link Group}:
 * the rules' calls of {@code size} and {@code get} then see one receiver class, which C1 calls directly instead
 * of through the itable stub.
 */
final class InstructionsByKeyword {
    /** The Dockerfile reference's instructions, each with its group; any other keyword is in the group OTHER. */
    private static final Names GROUP_OF = Names.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV",
            "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER",
            "VOLUME", "WORKDIR");
    private static final int OTHER = GROUP_OF.size();
    private static final Group NONE = new Group(new Instruction[0], 0, 0);

    private final Group all;
    private final Group[] groups;

    InstructionsByKeyword(List<Instruction> all) {
        Instruction[] inOrder = all.toArray(new Instruction[0]);
        this.all = new Group(inOrder, 0, inOrder.length);
        byte[] groupOf = new byte[all.size()];
        int[] ends = new int[OTHER + 1]; // each group's size, then summed up into where it ends
        for (int i = 0; i < groupOf.length; i++) {
            int g = GROUP_OF.indexOf(inOrder[i].keyword());
            groupOf[i] = (byte) (g < 0 ? OTHER : g);
            ends[groupOf[i]]++;
        }
        for (int g = 1; g <= OTHER; g++) ends[g] += ends[g - 1];
        Instruction[] grouped = new Instruction[groupOf.length];
        // filled from the last instruction back, so that each group is in file order and ends[g] becomes its start
        for (int i = groupOf.length - 1; i >= 0; i--) grouped[--ends[groupOf[i]]] = inOrder[i];
        groups = new Group[OTHER + 1];
        for (int g = 0; g <= OTHER; g++) {
            int end = g == OTHER ? grouped.length : ends[g + 1];
            groups[g] = end == ends[g] ? NONE : new Group(grouped, ends[g], end - ends[g]);
        }
    }

    /** Every instruction of the file, in order. */
    List<Instruction> all() {
        return all;
    }

    /** The instructions whose {@link Instruction#keyword()} is this one, in file order. */
    List<Instruction> get(String upperCaseKeyword) {
        int g = GROUP_OF.indexOf(upperCaseKeyword);
        if (g >= 0) return groups[g];
        Group others = groups[OTHER]; // an unknown instruction (rules ask only for known ones)
        List<Instruction> named = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) if (others.get(i).is(upperCaseKeyword)) named.add(others.get(i));
        return new Group(named.toArray(new Instruction[0]), 0, named.size());
    }

    /** A read-only view of {@code size} instructions of the shared array from {@code from}. */
    private static final class Group extends AbstractList<Instruction> implements RandomAccess {
        private final Instruction[] instructions;
        private final int from;
        private final int size;

        Group(Instruction[] instructions, int from, int size) {
            this.instructions = instructions;
            this.from = from;
            this.size = size;
        }

        @Override
        public Instruction get(int index) {
            return instructions[from + Objects.checkIndex(index, size)];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
