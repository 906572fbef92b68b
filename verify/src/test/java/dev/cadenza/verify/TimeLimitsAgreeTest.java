package dev.cadenza.verify;

import dev.cadenza.core.lang.TimeUnits;
import dev.cadenza.petri.classes.TimedNet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * core refuses a model time beyond 2^k time units with its position; petri's engines count time
 * in integers of k bits. core and petri share no code, so k is written twice: verify, which sees
 * both, keeps them equal — a model core accepts must never be refused by the engine without a
 * position.
 */
class TimeLimitsAgreeTest {

    @Test
    void theModelsTimeLimitIsTheEnginesTimeLimit() {
        assertEquals(TimedNet.MAX_TIME_BITS, TimeUnits.MAX_BITS);
    }
}
