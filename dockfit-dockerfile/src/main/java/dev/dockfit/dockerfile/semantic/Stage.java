package dev.dockfit.dockerfile.semantic;

import dev.dockfit.dockerfile.model.FixedList;
import dev.dockfit.dockerfile.model.Instruction;
import java.util.ArrayList;
import java.util.List;

/**
 * One build stage: its FROM, the instructions after it, and its base.
 *
 * @param index        0-based position among the stages
 * @param name         the {@code AS} name lower-cased (as BuildKit compares names), or null
 * @param from         the FROM instruction
 * @param base         what it builds on
 * @param instructions the instructions of the stage, FROM first
 */
public record Stage(int index, String name, Instruction from, BaseImage base, List<Instruction> instructions) {

    public Stage {
        instructions = FixedList.copyOf(instructions); // hot: rules loop over it (see FixedList)
    }

    /** The instructions with this keyword, in order. */
    public List<Instruction> all(String keyword) {
        List<Instruction> out = null; // hot: rules ask per stage, and most keywords are absent
        // the compact constructor made it a FixedList: calls on that final class are inlined by C1
        FixedList<Instruction> all = (FixedList<Instruction>) instructions;
        for (int k = 0; k < all.size(); k++) {
            Instruction i = all.get(k);
            if (!i.is(keyword)) continue;
            if (out == null) out = new ArrayList<>();
            out.add(i);
        }
        return out == null ? FixedList.of() : FixedList.copyOf(out);
    }

    /** A human name: the AS name, or the stage index. */
    public String label() {
        return name != null ? name : String.valueOf(index);
    }
}
