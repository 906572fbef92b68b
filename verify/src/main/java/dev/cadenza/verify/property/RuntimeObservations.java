package dev.cadenza.verify.property;

import dev.cadenza.verify.ResolutionException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.execute.LoopPredicate;
import dev.cadenza.verify.execute.Observation;
import dev.cadenza.verify.execute.PredicateSearch;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The safety questions of one verify block — {@code forbidden P}, {@code sequence …},
 * {@code query "AG p"} — observed in the runtime's state space along the exploration its finish
 * times need anyway ({@link dev.cadenza.verify.execute.RuntimeStateSpace#observe}), when the
 * block's {@code deployable}, {@code bounds} or {@code within} comes there first. A question whose
 * violation on the net the executor then does not reproduce reads its answer here instead of
 * exploring the same state space again (galera's to_galera: the sequence's search took as long as
 * the deployable's). Each answer is the one its own search gives ({@code ObservedPredicatesProperties});
 * a question not observed, or asked before the finish times, searches alone as before.
 */
public final class RuntimeObservations {

    private final List<Property> members;
    /** Answers by {@link ExecutorStates#key()}, once observed. */
    private final Map<String, PredicateSearch> answers = new HashMap<>();

    private RuntimeObservations(List<Property> members) {
        this.members = members;
    }

    /** The questions of {@code block} whose predicate the runtime's state space may be asked. */
    public static RuntimeObservations of(List<Property> block) {
        List<Property> members = new ArrayList<>();
        for (Property p : block) {
            if (p instanceof Forbidden || p instanceof Sequence || p instanceof Query q && !q.untimed()) {
                members.add(p);
            }
        }
        return new RuntimeObservations(members);
    }

    /** The members' predicates as the runtime's state space observes them (those it can), each once. */
    List<ExecutorStates> predicates(Subject subject) {
        List<ExecutorStates> out = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Property p : members) {
            ExecutorStates s;
            try {
                s = states(subject, p);
            } catch (ResolutionException e) {
                continue; // its own check reports it
            }
            if (s != null && s.loopPredicate() != null && !keys.contains(s.key())) {
                keys.add(s.key());
                out.add(s);
            }
        }
        return out;
    }

    private static ExecutorStates states(Subject subject, Property p) {
        TranslatedNet tn;
        dev.cadenza.petri.query.Predicate bad;
        if (p instanceof Sequence q) {
            Sequence.Observed o = q.observed(subject);
            tn = o.net();
            bad = o.bad();
        } else {
            tn = subject.net(Subject.Mode.TIMED);
            bad = p instanceof Forbidden f ? f.bad(tn) : ((Query) p).agBad(tn);
        }
        return bad == null ? null : ExecutorStates.of(tn, bad).states();
    }

    /** Keeps what {@code o} answered of {@code asked} (in order; null: not observed). */
    void answered(List<ExecutorStates> asked, Observation o) {
        for (int i = 0; i < asked.size(); i++) {
            PredicateSearch s = o.searches().get(i);
            if (s != null) {
                answers.put(asked.get(i).key(), s);
            }
        }
    }

    /** The answer observed for {@code states}, or null. */
    PredicateSearch answer(ExecutorStates states) {
        return answers.get(states.key());
    }

    static List<LoopPredicate> loopPredicates(List<ExecutorStates> states) {
        return states.stream().map(ExecutorStates::loopPredicate).toList();
    }
}
