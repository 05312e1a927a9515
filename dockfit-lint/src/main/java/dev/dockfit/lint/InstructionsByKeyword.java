package dev.dockfit.lint;

import dev.dockfit.dockerfile.model.FixedList;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.lint.support.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * A file's instructions grouped by keyword, each group in file order, so that a rule visits only the instructions
 * it is about instead of asking every instruction {@link Instruction#is} (hot on C1: most rules are about one
 * keyword). Made once per file, by counting then placing, into one array; each group is a read-only view of its
 * part of it. Every list it gives out, empty ones and the whole file included, is a {@link FixedList}, the
 * class of the model's lists: the rules' calls of {@code size} and {@code get} then see one receiver class,
 * which C1 calls directly instead of through the itable stub.
 */
final class InstructionsByKeyword {
    /** The Dockerfile reference's instructions, each with its group; any other keyword is in the group OTHER. */
    private static final Names GROUP_OF = Names.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV",
            "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER",
            "VOLUME", "WORKDIR");
    private static final int OTHER = GROUP_OF.size();

    private final FixedList<Instruction> all;
    private final FixedList<Instruction>[] groups;

    @SuppressWarnings("unchecked")
    InstructionsByKeyword(List<Instruction> all) {
        this.all = FixedList.copyOf(all);
        byte[] groupOf = new byte[all.size()];
        int[] ends = new int[OTHER + 1]; // each group's size, then summed up into where it ends
        for (int i = 0; i < groupOf.length; i++) {
            int g = GROUP_OF.indexOf(this.all.get(i).keyword());
            groupOf[i] = (byte) (g < 0 ? OTHER : g);
            ends[groupOf[i]]++;
        }
        for (int g = 1; g <= OTHER; g++) ends[g] += ends[g - 1];
        Instruction[] grouped = new Instruction[groupOf.length];
        // filled from the last instruction back, so that each group is in file order and ends[g] becomes its start
        for (int i = groupOf.length - 1; i >= 0; i--) grouped[--ends[groupOf[i]]] = this.all.get(i);
        FixedList<Instruction> byGroup = FixedList.wrap(grouped);
        groups = (FixedList<Instruction>[]) new FixedList<?>[OTHER + 1];
        for (int g = 0; g <= OTHER; g++) {
            groups[g] = byGroup.subList(ends[g], g == OTHER ? grouped.length : ends[g + 1]);
        }
    }

    /** Every instruction of the file, in order. */
    FixedList<Instruction> all() {
        return all;
    }

    /** The instructions whose {@link Instruction#keyword()} is this one, in file order. */
    List<Instruction> get(String upperCaseKeyword) {
        int g = GROUP_OF.indexOf(upperCaseKeyword);
        if (g >= 0) return groups[g];
        FixedList<Instruction> others = groups[OTHER]; // an unknown instruction (rules ask only for known ones)
        List<Instruction> named = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) if (others.get(i).is(upperCaseKeyword)) named.add(others.get(i));
        return FixedList.copyOf(named);
    }
}
