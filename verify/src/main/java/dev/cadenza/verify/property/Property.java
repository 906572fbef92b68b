package dev.cadenza.verify.property;

import dev.cadenza.verify.Subject;

/**
 * A question asked of a subject (program or assembly). Each kind is one small class; all answer
 * with a {@link Verdict}, violations carrying their counterexample in model terms.
 */
public sealed interface Property
        permits Deployable, Forbidden, Sequence, Parallel, TimeBoundsProperty, Within, Query, Response {

    /** The property as written in the verify block. */
    String name();

    /** Where it is written. */
    dev.cadenza.core.model.SourcePosition position();

    /** Which exploration answers it ("state classes", "state classes, intervals [0,w[" …). */
    String mode(Subject subject);

    Verdict check(Subject subject);
}
