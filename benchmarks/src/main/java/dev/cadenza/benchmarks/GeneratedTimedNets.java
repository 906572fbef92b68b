package dev.cadenza.benchmarks;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;

import java.util.ArrayList;
import java.util.List;

/** 1-safe time Petri nets of about 50 transitions, for the state class throughput runs. */
public final class GeneratedTimedNets {

    private GeneratedTimedNets() {
    }

    /** n independent cycles of {@code length} transitions each, one token per cycle. */
    public static PetriNet chains(int n, int length) {
        PetriNet.Builder b = PetriNet.builder("chains" + n + "x" + length);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < length; j++) {
                b.place("c" + i + "_" + j, j == 0 ? 1 : 0);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < length; j++) {
                int lo = 1 + (i + j) % 3;
                b.transition(t("t" + i + "_" + j, lo, lo + 1 + (i * 7 + j) % 3,
                        List.of(b.placeIndex("c" + i + "_" + j)),
                        List.of(b.placeIndex("c" + i + "_" + ((j + 1) % length)))));
            }
        }
        return b.build();
    }

    /** k producer/consumer pairs over one-slot buffers: 4 transitions a pair. */
    public static PetriNet producerConsumer(int k) {
        PetriNet.Builder b = PetriNet.builder("prodcons" + k);
        for (int i = 0; i < k; i++) {
            int pIdle = b.place("pidle" + i, 1);
            int pReady = b.place("pready" + i, 0);
            int empty = b.place("empty" + i, 1);
            int full = b.place("full" + i, 0);
            int cIdle = b.place("cidle" + i, 1);
            int cBusy = b.place("cbusy" + i, 0);
            b.transition(t("produce" + i, 1, 2 + i % 3, List.of(pIdle), List.of(pReady)));
            b.transition(t("put" + i, 0, 1, List.of(pReady, empty), List.of(pIdle, full)));
            b.transition(t("get" + i, 0, 1, List.of(cIdle, full), List.of(cBusy, empty)));
            b.transition(t("consume" + i, 2, 3 + i % 2, List.of(cBusy), List.of(cIdle)));
        }
        return b.build();
    }

    /** A token ring of n stations; each station also has a local cycle that competes with its turn. */
    public static PetriNet tokenRing(int n) {
        PetriNet.Builder b = PetriNet.builder("ring" + n);
        for (int i = 0; i < n; i++) {
            b.place("idle" + i, 1);
            b.place("tok" + i, i == 0 ? 1 : 0);
            b.place("work" + i, 0);
            b.place("think" + i, 0);
        }
        for (int i = 0; i < n; i++) {
            int idle = b.placeIndex("idle" + i);
            int tok = b.placeIndex("tok" + i);
            int work = b.placeIndex("work" + i);
            int think = b.placeIndex("think" + i);
            int next = b.placeIndex("tok" + ((i + 1) % n));
            b.transition(t("take" + i, 0, 1, List.of(idle, tok), List.of(work)));
            b.transition(t("done" + i, 1, 2, List.of(work), List.of(idle, next)));
            b.transition(t("leave" + i, 2, 4 + i % 3, List.of(idle), List.of(think)));
            b.transition(t("back" + i, 1, 3, List.of(think), List.of(idle)));
        }
        return b.build();
    }

    private static Transition t(String name, int lo, int hi, List<Integer> in, List<Integer> out) {
        List<Arc> ins = new ArrayList<>();
        for (int p : in) {
            ins.add(Arc.normal(p, 1));
        }
        List<Arc> outs = new ArrayList<>();
        for (int p : out) {
            outs.add(Arc.normal(p, 1));
        }
        return new Transition(name, null, TimeInterval.closed(lo, hi), ins, outs);
    }
}
