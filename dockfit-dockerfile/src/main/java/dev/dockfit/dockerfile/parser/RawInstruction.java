package dev.dockfit.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * An instruction as BuildKit's line parsers split it, before positions are mapped to the source. All
 * offsets are into the logical (joined) line; all text is byte strings.
 */
final class RawInstruction {
    /** A flag or argument word: its bytes and where it was in the logical line ({@code from < 0}: synthetic). */
    record Piece(String bytes, int from, int to) {
    }

    int keywordFrom;
    int keywordTo;
    String keyword;
    /** The upper-case name of the known keyword this is (however it was written), or null when unknown. */
    String known;
    final List<Piece> flags = new ArrayList<>();
    final List<Piece> args = new ArrayList<>();
    boolean json;
    RawInstruction child;
    int argsFrom;
    int argsTo;
    /** The bytes of [argsFrom, argsTo) when an argument parser already cut them (shared, not cut again), or null. */
    String argsBytes;
}
