package dev.cadenza.verify.execute;

/**
 * A transition of one instance, as a policy sees it when choosing its duration: its interval in
 * ticks ({@code maxTicks} -1: unbounded) and the sampler of its distribution.
 */
public record TransitionChoice(String instance, String transition, long minTicks, long maxTicks,
                               DurationSampler sampler) {

    public String label() {
        return instance + "." + transition;
    }
}
