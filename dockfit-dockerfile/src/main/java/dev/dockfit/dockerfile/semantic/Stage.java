package dev.dockfit.dockerfile.semantic;

import dev.dockfit.dockerfile.model.Instruction;
import java.util.ArrayList;
import java.util.Collections;
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
        instructions = List.copyOf(instructions);
    }

    /** The instructions with this keyword, in order. */
    public List<Instruction> all(String keyword) {
        List<Instruction> out = new ArrayList<>();
        for (Instruction i : instructions) if (i.is(keyword)) out.add(i);
        return Collections.unmodifiableList(out);
    }

    /** A human name: the AS name, or the stage index. */
    public String label() {
        return name != null ? name : String.valueOf(index);
    }
}
