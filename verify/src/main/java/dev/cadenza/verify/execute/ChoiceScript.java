package dev.cadenza.verify.execute;

import java.util.Arrays;

/**
 * The choices of one stretch of a run (a sweep, an iteration, a whole run), as a sequence of
 * small integers, each below its choice point's number of options. Used two ways:
 * <ul>
 * <li>to enumerate every stretch: a run takes the recorded choices in turn and 0 at each choice
 * point past them (recording it); {@link #next()} then moves to the next sequence in
 * lexicographic order (an odometer: the last choice that has options left goes up by one, the
 * ones after it are dropped), so that runs from the same state visit every sequence once;</li>
 * <li>to replay a recorded sequence ({@link #replaying}).</li>
 * </ul>
 * A choice point with one option records nothing.
 */
final class ChoiceScript {

    private int[] values = new int[64];
    private int[] options = new int[64];
    private int length;
    private int position;
    /**
     * Set while replaying a sweep the state space did not run (a waiting component's): such a sweep
     * must meet no choice, since it has none recorded; taking one would shift every later choice
     * of the run onto the wrong choice point.
     */
    String frozen;

    /** Back to the first choice, keeping the recorded ones (the next run from the same state). */
    void rewind() {
        position = 0;
    }

    /** Forgets every choice: the first sequence of a new enumeration. */
    void reset() {
        length = 0;
        position = 0;
    }

    /** The next choice among {@code n} options. */
    int choose(int n) {
        if (n <= 1) {
            return 0;
        }
        if (frozen != null) {
            throw new IllegalStateException("a replayed run met a choice of " + n + " options in a sweep of " + frozen
                    + ", which the state space did not sweep (it waits): the state space and the executor disagree");
        }
        if (position < length) {
            if (options[position] != n) {
                throw new IllegalStateException("a replayed run met a choice of " + n + " options where the recorded"
                        + " one had " + options[position] + ": the state space and the executor disagree");
            }
            return values[position++];
        }
        if (length == values.length) {
            values = Arrays.copyOf(values, length * 2);
            options = Arrays.copyOf(options, length * 2);
        }
        values[length] = 0;
        options[length] = n;
        length++;
        position++;
        return 0;
    }

    /** Orders {@code items[0..n)}: every permutation is one sequence of choices (a pick per place). */
    void permute(int[] items, int n) {
        for (int i = 0; i < n - 1; i++) {
            int j = i + choose(n - i);
            int tmp = items[i];
            items[i] = items[j];
            items[j] = tmp;
        }
    }

    /** Moves to the next sequence after the run just made; false when every one was made. */
    boolean next() {
        length = position;
        while (length > 0) {
            int k = length - 1;
            if (values[k] + 1 < options[k]) {
                values[k]++;
                position = 0;
                return true;
            }
            length--;
        }
        position = 0;
        return false;
    }

    /** The choices of the run just made. */
    int[] taken() {
        return Arrays.copyOf(values, position);
    }

    int[] takenOptions() {
        return Arrays.copyOf(options, position);
    }

    /** A script that replays {@code values} (with their numbers of options), then takes 0 at every further choice. */
    static ChoiceScript replaying(int[] values, int[] options) {
        ChoiceScript s = new ChoiceScript();
        s.values = Arrays.copyOf(values, Math.max(64, values.length));
        s.options = Arrays.copyOf(options, Math.max(64, options.length));
        s.length = values.length;
        return s;
    }
}
