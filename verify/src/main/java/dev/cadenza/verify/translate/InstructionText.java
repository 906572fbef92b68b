package dev.cadenza.verify.translate;

import dev.cadenza.core.model.Instruction;

/** An unrolled instruction as the user wrote it, for program-counter names and traces. */
public final class InstructionText {

    private InstructionText() {
    }

    public static String of(Instruction i) {
        if (i instanceof Instruction.Add a) {
            return "add(" + a.instance() + " : " + a.type() + ")";
        } else if (i instanceof Instruction.Del d) {
            return "del(" + d.instance() + ")";
        } else if (i instanceof Instruction.Con c) {
            return "con(" + c.provider() + ", " + c.user() + ")";
        } else if (i instanceof Instruction.Dcon c) {
            return "dcon(" + c.provider() + ", " + c.user() + ")";
        } else if (i instanceof Instruction.PushB p) {
            return "pushB(" + p.instance() + ", " + p.behavior() + ")";
        } else if (i instanceof Instruction.Wait w) {
            return "wait(" + w.instance() + ")";
        }
        return "waitAll";
    }
}
