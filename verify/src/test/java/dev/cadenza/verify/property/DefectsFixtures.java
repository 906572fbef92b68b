package dev.cadenza.verify.property;

/** Designs of {@link DefectsTest}, shared with the translation tests. */
public final class DefectsFixtures {

    private DefectsFixtures() {
    }

    /** (b) A cyclic use: each component's first step needs what the other provides at its end. */
    public static final String CYCLE = """
            component A {
              places a0, a1, a2
              initial a0
              behavior deploy {
                prepare: a0 -> a1 [1, 2]
                finish:  a1 -> a2 [1, 1]
              }
              provide ready from a2
              use other by prepare
            }
            component B {
              places b0, b1, b2
              initial b0
              behavior deploy {
                prepare: b0 -> b1 [1, 2]
                finish:  b1 -> b2 [1, 1]
              }
              provide ready from b2
              use other by prepare
            }
            assembly loop {
              a: A
              b: B
              connect a.ready -> b.other
              connect b.ready -> a.other
            }
            """;

    /**
     * Safe thanks to its intervals: see {@link DefectsTest#deadlocksUntimedButIsSafeWithItsIntervals()}.
     */
    public static final String TIMING_SAFE = """
            component Provider {
              places p0, p1, p2, p3
              initial p0
              behavior deploy {
                t1: p0 -> p1 [1, 1]
                t2: p1 -> p2 [5, 5]
                t3: p2 -> p3 [0, 0]
              }
              group g { p1, p2 }
              provide svc at g
            }
            component User {
              places u0, u1, u2
              initial u0
              behavior deploy {
                prepare: u0 -> u1 [2, 3]
                call:    u1 -> u2 [1, 1]
              }
              use svc by call
            }
            assembly race {
              p: Provider
              u: User
              connect p.svc -> u.svc
            }
            """;
}
