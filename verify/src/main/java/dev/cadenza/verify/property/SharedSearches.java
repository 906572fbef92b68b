package dev.cadenza.verify.property;

import dev.cadenza.petri.query.Predicate;
import dev.cadenza.verify.ResolutionException;
import dev.cadenza.verify.Subject;
import dev.cadenza.verify.engine.TargetTimes;
import dev.cadenza.verify.translate.TranslatedNet;

import java.util.ArrayList;
import java.util.List;

/**
 * The questions of one verify block that each ask the same search of the subject's timed net — is
 * a state satisfying this predicate reachable, reaching it being bad: {@code forbidden P}, and
 * {@code query "AG p"} (not p) — answered together: each predicate's untimed first stage on its
 * own, then one exploration of the state classes for all those it left open
 * ({@link Reachability#searchBadAnyEach}: depth first, one run to each). The first of them to be
 * checked runs the searches of all; the others read their answers. Each answer has the
 * reachability its own search gives, with a run of the net when reachable (docs/verify.md,
 * "Reductions": the reductions keep visible what any of the predicates reads), and each property
 * then goes on as alone: its counterexample, its replay in the executor, the runtime's state space
 * where the replay fails.
 *
 * <p>Only with the reductions on ({@code --no-reduction}: one search each), only for the subject's
 * timed net, and only for two predicates or more. A question whose predicate does not resolve (an
 * unknown name) is left out: checked, it reports its own error.
 */
public final class SharedSearches {

    private final List<Property> members;
    /** The net the predicates were resolved on (the subject's timed net), null until first asked. */
    private TranslatedNet net;
    /** The members' predicates, each once, in the block's order. */
    private List<Predicate> predicates;
    /** Their answers, in the same order; null until one of them is asked for. */
    private List<TargetTimes> answers;

    private SharedSearches(List<Property> members) {
        this.members = members;
    }

    /** The questions of {@code block} that can share their search; the others are left to themselves. */
    public static SharedSearches of(List<Property> block) {
        List<Property> members = new ArrayList<>();
        for (Property p : block) {
            if (p instanceof Forbidden || p instanceof Query q && !q.untimed()) {
                members.add(p);
            }
        }
        return new SharedSearches(members);
    }

    /**
     * The answer of {@code bad} on {@code tn} (the untimed stage's or the shared exploration's, as
     * {@link Reachability#searchBadAny} would give it), the searches of every member run the first time;
     * null when {@code bad} is not a member's predicate on the subject's timed net, or when fewer than
     * two share: then the caller searches alone.
     */
    TargetTimes answer(Subject subject, TranslatedNet tn, Predicate bad) {
        if (!subject.isNet(tn, Subject.Mode.TIMED) || (net != null && net != tn)) {
            return null;
        }
        if (predicates == null) {
            net = tn;
            predicates = resolve(tn);
        }
        int i = predicates.indexOf(bad);
        if (predicates.size() < 2 || i < 0) {
            return null;
        }
        if (answers == null) {
            answers = Reachability.searchBadAnyEach(subject, tn, predicates);
        }
        return answers.get(i);
    }

    private List<Predicate> resolve(TranslatedNet tn) {
        List<Predicate> out = new ArrayList<>();
        for (Property p : members) {
            Predicate bad;
            try {
                bad = p instanceof Forbidden f ? f.bad(tn) : ((Query) p).agBad(tn);
            } catch (ResolutionException e) {
                continue; // its own check reports it
            }
            if (bad != null && !out.contains(bad)) {
                out.add(bad);
            }
        }
        return out;
    }
}
