package org.finrec.experiment.internal.stats;

import org.apache.commons.numbers.gamma.Erfc;
import org.finrec.api.experiment.Comparison;
import org.finrec.api.experiment.Proportion;

/**
 * Rates with their Wilson intervals, and a variant's rate against the control's with a fixed-horizon and an
 * always-valid p-value. Stateless and thread-safe; never returns NaN.
 *
 * <p>The comparison treats the customer as the unit of randomisation: a rate such as the click-through rate is a
 * ratio over customers ({@link ClusterSums}) whose variance comes from the delta method, so that a customer who
 * returns a hundred times counts as one correlated cluster, not as a hundred independent trials (with repeat
 * visitors the per-impression Bernoulli variance is far too small and halts identical variants). The Wilson
 * interval of a single rate ({@link #wilson}) is per impression and only for display.
 *
 * <p>The always-valid p-value is the mixture sequential probability ratio test (mSPRT) of Johari, Pekelis and
 * Walsh, "Always Valid Inference: Continuous Monitoring of A/B Tests" (2017), in the form used by Optimizely's
 * stats engine: with {@code θ̂} the observed difference, {@code V} its (delta-method, unpooled) variance and a normal mixture
 * {@code N(0, τ²)} over the true difference,
 * <pre>
 *   Λ = sqrt(V / (V + τ²)) · exp(τ² θ̂² / (2 V (V + τ²))),   p = min(1, 1 / Λ)
 * </pre>
 * A single value of {@code p} is <em>not</em> yet always valid: the guarantee ("the chance that it ever drops
 * below α under no difference is at most α") holds for the <em>running minimum</em> of {@code p} over every look
 * at the same experiment, which the caller keeps (see
 * {@link #compare(ClusterSums, ClusterSums, double, double)}). {@code τ²} must stay the same for the whole
 * experiment; it should be of the order of the squared effect one hopes to detect (for example {@code 1e-4} for
 * differences around one percentage point): a smaller value reacts sooner to small effects, a larger one to large
 * effects.
 */
public final class ProportionStatistics {

    /** The standard normal quantile for a two-sided 95% interval, {@code Φ⁻¹(0.975)}. */
    public static final double Z95 = 1.959963984540054;

    private static final double SQRT2 = Math.sqrt(2.0);

    private ProportionStatistics() {
    }

    /**
     * A rate with its Wilson score interval at 95%.
     *
     * @param successes how many trials succeeded, between 0 and {@code trials}
     * @param trials how many trials there were, at least 0
     * @return the rate; with no trials, estimate 0 and interval [0, 1]
     * @throws IllegalArgumentException if the counts are negative or {@code successes > trials}
     */
    public static Proportion wilson(long successes, long trials) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " successes of " + trials + " trials");
        }
        if (trials == 0) {
            return new Proportion(0, 0, 0.0, 0.0, 1.0);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1.0 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double halfWidth = Z95 / denominator * Math.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
        // clamp away rounding: the interval always holds the estimate and lies in [0, 1]
        double lower = successes == 0 ? 0.0 : Math.max(0.0, Math.min(p, centre - halfWidth));
        double upper = successes == trials ? 1.0 : Math.min(1.0, Math.max(p, centre + halfWidth));
        return new Proportion(successes, trials, p, lower, upper);
    }

    /**
     * Compares a variant's ratio with the control's at one look, with the customer as the unit of randomisation.
     *
     * <p>The difference is {@code θ̂ = R₁ − R₀} of the ratios {@code R = Σyᵢ / Σnᵢ}, with the variance
     * {@code V = Var(R₁) + Var(R₀)} of the delta method over customers ({@link ClusterSums#ratioVariance()}): a
     * 95% interval {@code θ̂ ± z V^½} clamped to [−1, 1]; {@code pValue}, the two-sided z-test of
     * {@code z = θ̂ / V^½}; {@code alwaysValidPValue}, the mSPRT p-value of this look alone (see the class comment:
     * the caller must keep its running minimum). Degenerate cases give no evidence, never NaN: when either side has
     * fewer than two customers the interval is [−1, 1] and both p-values are 1; when {@code V = 0} (every customer
     * of both sides with the same ratio, for example no outcome at all) the interval is the difference alone and
     * both p-values are 1.
     *
     * @param variant the variant's sums over its customers
     * @param control the control's sums over its customers
     * @param mixingVariance {@code τ²}, the variance of the normal mixture over the true difference, positive and
     *        finite, the same at every look of an experiment
     * @return the comparison
     * @throws IllegalArgumentException if {@code mixingVariance} is not positive and finite
     */
    public static Comparison compare(ClusterSums variant, ClusterSums control, double mixingVariance) {
        if (!(mixingVariance > 0.0) || Double.isInfinite(mixingVariance)) {
            throw new IllegalArgumentException("the mixing variance must be positive and finite: " + mixingVariance);
        }
        double difference = variant.ratio() - control.ratio();
        double variance = variant.ratioVariance() + control.ratioVariance();
        if (Double.isInfinite(variance)) {
            return new Comparison(difference, -1.0, 1.0, 1.0, 1.0);
        }
        double standardError = Math.sqrt(variance);
        double halfWidth = Z95 * standardError;
        double lower = Math.max(-1.0, difference - halfWidth);
        double upper = Math.min(1.0, difference + halfWidth);
        double pValue = standardError > 0.0 ? twoSidedNormalPValue(difference / standardError) : 1.0;
        return new Comparison(difference, lower, upper, pValue,
                mixtureSprtPValue(difference, variance, mixingVariance));
    }

    /**
     * Compares as {@link #compare(ClusterSums, ClusterSums, double)} and carries the running minimum of the
     * always-valid p-value: the returned {@code alwaysValidPValue} is {@code min(previousAlwaysValidPValue, this
     * look's)}. That running minimum is the p-value that may be watched continuously; the caller stores it between
     * looks (1 before the first look) and must start again at 1 whenever the experiment restarts (new variants,
     * new weights that reshuffle users, a new {@code τ²}).
     *
     * @param variant the variant's sums over its customers
     * @param control the control's sums over its customers
     * @param mixingVariance {@code τ²}, positive and finite, the same at every look
     * @param previousAlwaysValidPValue the running minimum so far, in [0, 1]; 1 if there was no look yet
     * @return the comparison, with the running minimum as its always-valid p-value
     * @throws IllegalArgumentException if {@code mixingVariance} is not positive and finite or the previous
     *         p-value lies outside [0, 1]
     */
    public static Comparison compare(ClusterSums variant, ClusterSums control, double mixingVariance,
            double previousAlwaysValidPValue) {
        if (!(previousAlwaysValidPValue >= 0.0 && previousAlwaysValidPValue <= 1.0)) {
            throw new IllegalArgumentException("the previous p-value must lie in [0, 1]: " + previousAlwaysValidPValue);
        }
        Comparison look = compare(variant, control, mixingVariance);
        return new Comparison(look.difference(), look.lower95(), look.upper95(), look.pValue(),
                Math.min(previousAlwaysValidPValue, look.alwaysValidPValue()));
    }

    /**
     * The mSPRT p-value of one look: {@code min(1, 1/Λ)} with
     * {@code Λ = sqrt(V/(V+τ²)) · exp(τ² θ̂² / (2 V (V+τ²)))}, computed in log space so that it neither overflows
     * nor underflows to NaN.
     *
     * @param difference {@code θ̂}, the observed difference
     * @param variance {@code V}, the variance of {@code θ̂}, at least 0
     * @param mixingVariance {@code τ²}, positive
     * @return the p-value in [0, 1]; 1 when {@code V} is 0 or not finite
     */
    public static double mixtureSprtPValue(double difference, double variance, double mixingVariance) {
        if (!(variance > 0.0) || Double.isInfinite(variance) || !Double.isFinite(difference)
                || !(mixingVariance > 0.0) || Double.isInfinite(mixingVariance)) {
            return 1.0;
        }
        double total = variance + mixingVariance;
        double logLikelihoodRatio = 0.5 * Math.log(variance / total)
                + mixingVariance * difference * difference / (2.0 * variance * total);
        if (!(logLikelihoodRatio > 0.0)) {
            return 1.0;
        }
        return Math.exp(-logLikelihoodRatio);
    }

    /**
     * {@code 2 (1 − Φ(|z|))}, computed as {@code erfc(|z| / √2)} so that it stays accurate far in the tail.
     *
     * @param z a standard normal statistic
     * @return the two-sided p-value in [0, 1]; 1 for NaN
     */
    public static double twoSidedNormalPValue(double z) {
        if (Double.isNaN(z)) {
            return 1.0;
        }
        return Math.min(1.0, Math.max(0.0, Erfc.value(Math.abs(z) / SQRT2)));
    }

    /**
     * The standard normal distribution function, {@code Φ(z) = erfc(−z / √2) / 2}.
     *
     * @param z any value
     * @return {@code Φ(z)} in [0, 1]
     */
    public static double normalCdf(double z) {
        return 0.5 * Erfc.value(-z / SQRT2);
    }
}
