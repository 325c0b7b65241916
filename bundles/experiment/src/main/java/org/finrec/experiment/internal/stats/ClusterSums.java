package org.finrec.experiment.internal.stats;

/**
 * One variant's ratio metric summed over its customers, the clusters of its impressions: with {@code nᵢ} the
 * impressions customer {@code i} saw and {@code yᵢ} how many of them got an outcome, the sums {@code Σnᵢ},
 * {@code Σyᵢ}, {@code Σnᵢ²}, {@code Σyᵢ²} and {@code Σnᵢyᵢ} over the {@code K} customers. They are what the delta
 * method needs for the variance of the ratio {@code R = Σyᵢ / Σnᵢ} when the customer, not the impression, is the
 * unit of randomisation (Deng, Knoblich and Lu, "Applying the Delta Method in Metric Analytics", KDD 2018): a
 * customer who returns brings impressions whose outcomes go together, which the per-impression Bernoulli variance
 * {@code R(1−R)/Σnᵢ} ignores.
 *
 * @param customers {@code K}, how many customers saw at least one impression
 * @param impressions {@code Σnᵢ}, at least {@code customers}
 * @param successes {@code Σyᵢ}, at most {@code impressions}
 * @param impressionSquares {@code Σnᵢ²}
 * @param successSquares {@code Σyᵢ²}
 * @param impressionSuccessProducts {@code Σnᵢyᵢ}
 */
public record ClusterSums(long customers, long impressions, long successes, long impressionSquares,
        long successSquares, long impressionSuccessProducts) {

    /** No customers. */
    public static final ClusterSums NONE = new ClusterSums(0, 0, 0, 0, 0, 0);

    /**
     * Validates the sums.
     *
     * @throws IllegalArgumentException if a sum is negative, or there are more customers than impressions, or
     *         more successes than impressions
     */
    public ClusterSums {
        if (customers < 0 || impressions < customers || successes < 0 || successes > impressions
                || impressionSquares < impressions || successSquares < successes
                || impressionSuccessProducts < successes) {
            throw new IllegalArgumentException("inconsistent cluster sums: " + customers + " customers, "
                    + impressions + " impressions, " + successes + " successes, squares " + impressionSquares + ", "
                    + successSquares + ", products " + impressionSuccessProducts);
        }
    }

    /**
     * The sums when every impression is a customer of its own, seen once: the independent trials of the classical
     * two-proportion tests.
     *
     * @param successes how many trials succeeded, between 0 and {@code trials}
     * @param trials how many trials there were, at least 0
     * @return the sums with {@code K = Σnᵢ = Σnᵢ² = trials} and {@code Σyᵢ = Σyᵢ² = Σnᵢyᵢ = successes}
     */
    public static ClusterSums ofSingleVisits(long successes, long trials) {
        return new ClusterSums(trials, trials, successes, trials, successes, successes);
    }

    /**
     * The ratio {@code R = Σyᵢ / Σnᵢ}.
     *
     * @return the ratio in [0, 1]; 0 without impressions
     */
    public double ratio() {
        return impressions == 0 ? 0.0 : successes / (double) impressions;
    }

    /**
     * The delta-method variance of the ratio, {@code Var(R) ≈ (s_y² − 2R·s_yn + R²·s_n²) / (K n̄²)} with the
     * sample (co)variances over customers and {@code n̄ = Σnᵢ / K}; computed in the equal form
     * {@code K Σ(yᵢ − R nᵢ)² / ((K − 1)(Σnᵢ)²)}, with {@code Σ(yᵢ − R nᵢ)² = Σyᵢ² − 2R Σnᵢyᵢ + R² Σnᵢ²}.
     *
     * @return the variance, at least 0 (0 when every customer has the same ratio, for example when no impression
     *         or every impression got an outcome); positive infinity with fewer than two customers, whose spread
     *         cannot be estimated
     */
    public double ratioVariance() {
        if (customers < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double r = ratio();
        double residualSquares = successSquares - 2.0 * r * impressionSuccessProducts + r * r * impressionSquares;
        double n = impressions;
        double k = customers;
        return Math.max(0.0, k * residualSquares / ((k - 1.0) * n * n));
    }
}
