package dev.cadenza.verify.translate;

import dev.cadenza.petri.Arc;
import dev.cadenza.petri.ArcKind;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import dev.cadenza.petri.Transition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A net under construction: mutable places and transitions, each with its provenance, so the
 * translator can add counter arcs and split transitions in later passes before freezing it into
 * an immutable {@link PetriNet}.
 */
final class NetDraft {

    static final class PlaceDraft {
        final String name;
        final Provenance provenance;
        long initial;

        PlaceDraft(String name, Provenance provenance, long initial) {
            this.name = name;
            this.provenance = provenance;
            this.initial = initial;
        }
    }

    static final class TransitionDraft {
        String name;
        final Provenance provenance;
        final TimeInterval interval;
        /** place index -> weight, one map per arc kind (at most one arc of each kind per place). */
        final Map<Integer, Long> consume = new LinkedHashMap<>();
        final Map<Integer, Long> read = new LinkedHashMap<>();
        final Map<Integer, Long> inhibit = new LinkedHashMap<>();
        final Map<Integer, Long> produce = new LinkedHashMap<>();
        /**
         * The instances this program step adds (its {@code add} instructions): none of their places
         * has ever held a token before it fires, which later passes use to drop copies that can
         * never fire ({@link PortsAndLocks#splitForFlag}).
         */
        final java.util.Set<String> adds = new java.util.LinkedHashSet<>();

        TransitionDraft(String name, Provenance provenance, TimeInterval interval) {
            this.name = name;
            this.provenance = provenance;
            this.interval = interval;
        }

        TransitionDraft consume(int p) {
            consume.merge(p, 1L, Long::sum);
            return this;
        }

        TransitionDraft produce(int p) {
            produce.merge(p, 1L, Long::sum);
            return this;
        }

        /** Needs at least {@code w} tokens in p; several requirements keep the strongest. */
        TransitionDraft read(int p, long w) {
            read.merge(p, w, Math::max);
            return this;
        }

        TransitionDraft read(int p) {
            return read(p, 1);
        }

        /** Needs fewer than {@code w} tokens in p; several requirements keep the strongest. */
        TransitionDraft inhibit(int p, long w) {
            inhibit.merge(p, w, Math::min);
            return this;
        }

        TransitionDraft inhibit(int p) {
            return inhibit(p, 1);
        }

        /** Tokens this transition adds to (positive) or removes from (negative) place p. */
        long delta(int p) {
            return produce.getOrDefault(p, 0L) - consume.getOrDefault(p, 0L);
        }

        TransitionDraft copy(String newName) {
            TransitionDraft c = new TransitionDraft(newName, provenance, interval);
            c.consume.putAll(consume);
            c.read.putAll(read);
            c.inhibit.putAll(inhibit);
            c.produce.putAll(produce);
            c.adds.addAll(adds);
            return c;
        }
    }

    final String name;
    final List<PlaceDraft> places = new ArrayList<>();
    final List<TransitionDraft> transitions = new ArrayList<>();
    private final Map<String, Integer> placeIndex = new LinkedHashMap<>();

    NetDraft(String name) {
        this.name = name;
    }

    int place(String name, Provenance provenance, long initial) {
        if (placeIndex.containsKey(name)) {
            throw new IllegalStateException("duplicate net place " + name);
        }
        places.add(new PlaceDraft(name, provenance, initial));
        placeIndex.put(name, places.size() - 1);
        return places.size() - 1;
    }

    int placeIndex(String name) {
        return placeIndex.getOrDefault(name, -1);
    }

    TransitionDraft transition(String name, Provenance provenance, TimeInterval interval) {
        TransitionDraft t = new TransitionDraft(name, provenance, interval);
        transitions.add(t);
        return t;
    }

    /** Freezes the draft; transition names are made unique by suffixes where passes split them. */
    PetriNet build() {
        PetriNet.Builder b = PetriNet.builder(name);
        for (PlaceDraft p : places) {
            b.place(p.name, p.provenance.describe(), p.initial);
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (TransitionDraft t : transitions) {
            int n = seen.merge(t.name, 1, Integer::sum);
            if (n > 1) {
                throw new IllegalStateException("duplicate net transition " + t.name);
            }
            List<Arc> in = new ArrayList<>();
            t.consume.forEach((p, w) -> in.add(new Arc(p, w, ArcKind.NORMAL)));
            t.read.forEach((p, w) -> in.add(new Arc(p, w, ArcKind.READ)));
            t.inhibit.forEach((p, w) -> in.add(new Arc(p, w, ArcKind.INHIBITOR)));
            List<Arc> out = new ArrayList<>();
            t.produce.forEach((p, w) -> out.add(new Arc(p, w, ArcKind.NORMAL)));
            // no label: engines name transitions in traces by display name, which must stay unique;
            // the description lives in the back-map
            b.transition(new Transition(t.name, null, t.interval, in, out));
        }
        return b.build();
    }
}
