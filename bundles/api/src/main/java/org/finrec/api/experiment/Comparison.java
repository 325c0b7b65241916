package org.finrec.api.experiment;

/**
 * A variant's rate against the control's: the difference with its 95% interval and two p-values for "no
 * difference".
 *
 * <p>The interval and both p-values take the customer as the unit of randomisation: a rate is a ratio over
 * customers (impressions with an outcome / impressions) whose variance comes from the delta method over customers,
 * so that a customer who returns many times counts as one correlated cluster, not as many independent trials.
 *
 * <p>{@code pValue} is the fixed-horizon z-test of the difference. It is valid only when read once, at a sample size
 * fixed in advance: looking at it repeatedly and stopping when it drops below 0.05 ("peeking") makes false
 * winners far more likely than 5%. {@code alwaysValidPValue} comes from a mixture sequential probability ratio
 * test (Johari et al., "Always valid inference", 2017): it may be watched continuously and acted on at any time,
 * at the price of needing more data to become small. Guardrails use only the always-valid one.
 *
 * @param difference the variant's rate minus the control's
 * @param lower95 the lower end of the 95% (normal, delta-method) interval of the difference
 * @param upper95 the upper end of the 95% (normal, delta-method) interval of the difference
 * @param pValue the fixed-horizon two-sided p-value, in [0, 1]
 * @param alwaysValidPValue the always-valid two-sided p-value, in [0, 1]: the running minimum over every look so
 *     far, usually well above the fixed-horizon {@code pValue} of the same look
 */
public record Comparison(double difference, double lower95, double upper95, double pValue,
        double alwaysValidPValue) {

    /**
     * Validates the components.
     *
     * @param difference the difference component
     * @param lower95 the lower95 component
     * @param upper95 the upper95 component
     * @param pValue the pValue component
     * @param alwaysValidPValue the alwaysValidPValue component
     * @throws IllegalArgumentException if a p-value lies outside [0, 1]
     */
    public Comparison {
        if (!(pValue >= 0 && pValue <= 1) || !(alwaysValidPValue >= 0 && alwaysValidPValue <= 1)) {
            throw new IllegalArgumentException("p-values must lie in [0, 1]: " + pValue + ", " + alwaysValidPValue);
        }
    }
}
