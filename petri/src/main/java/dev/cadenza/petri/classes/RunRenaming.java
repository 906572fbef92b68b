package dev.cadenza.petri.classes;

/**
 * σ, the map from the bundles of the current representative to those of the run being rebuilt,
 * while a path of representatives found under a {@link BundleSymmetry} is turned back into a run
 * of the net (the depth-first and the time-ordered searches both store representatives). Along the
 * stored path each successor was moved by some π_i to its representative, and recomputing it (the
 * canonical form is a function of the class) gives π_i again in {@link ClassCanonizer#order}. The
 * run fires σ(t), and σ becomes σ ∘ π_i⁻¹: the run's class is always σ(representative), so each
 * σ(t) is enabled and firable where the run is, and the run ends in σ(the class found).
 */
final class RunRenaming {

    private final BundleSymmetry sym;
    private int[][] sigma;
    private int[][] next;

    /** Starts from the initial class, just moved to its representative by {@code canon}. */
    RunRenaming(BundleSymmetry sym, ClassCanonizer canon) {
        this.sym = sym;
        int classes = sym.places.length;
        sigma = new int[classes][];
        next = new int[classes][];
        for (int x = 0; x < classes; x++) {
            sigma[x] = canon.order[x].clone();
            next[x] = new int[sigma[x].length];
        }
    }

    /** The run's transition for transition t of the current representative: σ(t). */
    int map(int t) {
        int tc = sym.transitionClass[t];
        return tc < 0 ? t : sym.transitions[tc][sigma[tc][sym.transitionBundle[t]]][sym.transitionLocal[t]];
    }

    /** The successor was just moved to its representative by {@code canon} (π_i): σ becomes σ ∘ π_i⁻¹. */
    void moved(ClassCanonizer canon) {
        for (int x = 0; x < sigma.length; x++) {
            for (int r = 0; r < sigma[x].length; r++) {
                next[x][r] = sigma[x][canon.order[x][r]];
            }
            int[] swap = sigma[x];
            sigma[x] = next[x];
            next[x] = swap;
        }
    }
}
