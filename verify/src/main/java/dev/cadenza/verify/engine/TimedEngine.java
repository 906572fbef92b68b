package dev.cadenza.verify.engine;

import dev.cadenza.petri.PetriNet;

/**
 * What the properties need from an exploration engine. The production implementation wraps
 * petri's state class graph; tests also use a brute-force discrete-time explorer (exact for
 * closed integer intervals) as an independent oracle.
 */
public interface TimedEngine {

    /** How verdict tables name this engine ("state classes", …). */
    String name();

    StateGraph explore(PetriNet net, Limits limits);

    /** Min and max time to first reach {@code target}, over all runs that reach it. */
    TimeBounds timeTo(PetriNet net, MarkingTest target, Limits limits);
}
