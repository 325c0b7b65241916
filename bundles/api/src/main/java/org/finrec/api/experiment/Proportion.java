package org.finrec.api.experiment;

/**
 * A rate with its Wilson score interval at 95% confidence, for example the share of impressions that got a click.
 *
 * @param successes how many trials succeeded, between 0 and {@code trials}
 * @param trials how many trials there were, at least 0
 * @param estimate {@code successes / trials}, 0 when there were no trials
 * @param lower95 the lower end of the Wilson 95% interval, 0 when there were no trials
 * @param upper95 the upper end of the Wilson 95% interval, 1 when there were no trials
 */
public record Proportion(long successes, long trials, double estimate, double lower95, double upper95) {

    /**
     * Validates the components.
     *
     * @param successes the successes component
     * @param trials the trials component
     * @param estimate the estimate component
     * @param lower95 the lower95 component
     * @param upper95 the upper95 component
     * @throws IllegalArgumentException if the counts are inconsistent or the interval does not hold the estimate
     */
    public Proportion {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " successes of " + trials + " trials");
        }
        if (!(lower95 <= estimate && estimate <= upper95)) {
            throw new IllegalArgumentException("interval [" + lower95 + ", " + upper95 + "] misses " + estimate);
        }
    }
}
