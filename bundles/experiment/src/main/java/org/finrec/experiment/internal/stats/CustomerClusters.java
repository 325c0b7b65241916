package org.finrec.experiment.internal.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * One variant's impressions and outcomes per customer, kept so that {@link ClusterSums} can be updated one
 * impression or outcome at a time: for every outcome kind the running {@code K}, {@code Σnᵢ}, {@code Σyᵢ},
 * {@code Σnᵢ²}, {@code Σyᵢ²} and {@code Σnᵢyᵢ}, and per customer its current {@code nᵢ} and {@code yᵢ} (when
 * {@code nᵢ} grows by one, {@code Σnᵢ²} grows by {@code 2nᵢ + 1} and {@code Σnᵢyᵢ} by {@code yᵢ}; when {@code yᵢ}
 * grows by one, {@code Σyᵢ²} grows by {@code 2yᵢ + 1} and {@code Σnᵢyᵢ} by {@code nᵢ}).
 *
 * <p>Memory: one hash map entry per customer who saw the variant, holding an {@code int[1 + kinds]} of that
 * customer's counts. With compressed references and three kinds: about 40 bytes of entry and table slot, 32 bytes
 * of array and 40 bytes plus the id's length for the customer id's {@code String}, so roughly 110 bytes plus the
 * id's length per customer and variant (about 120 MB for a million customers with 10-character ids). Customers
 * are never forgotten while the ledger lives, since a customer's later impressions must update the same counts.
 *
 * <p>Single writer (the outcome log's writer thread); {@link #sums(int)} may be called from any thread and returns
 * a consistent snapshot.
 */
public final class CustomerClusters {

    private final int kinds;
    /** Per customer: impressions at index 0, then impressions with an outcome of each kind. */
    private final Map<String, int[]> customers = new HashMap<>();
    private long impressions;
    private long impressionSquares;
    private final long[] successes;
    private final long[] successSquares;
    private final long[] impressionSuccessProducts;

    /**
     * Starts with no customers.
     *
     * @param kinds how many kinds of outcome are counted, at least 1
     */
    public CustomerClusters(int kinds) {
        if (kinds < 1) {
            throw new IllegalArgumentException("at least one outcome kind: " + kinds);
        }
        this.kinds = kinds;
        this.successes = new long[kinds];
        this.successSquares = new long[kinds];
        this.impressionSuccessProducts = new long[kinds];
    }

    /**
     * Counts one impression shown to the customer.
     *
     * @param customerId the customer, the unit of randomisation
     */
    public synchronized void impression(String customerId) {
        int[] counts = customers.computeIfAbsent(customerId, id -> new int[1 + kinds]);
        long before = counts[0];
        counts[0] = Math.addExact(counts[0], 1);
        impressions++;
        impressionSquares += 2 * before + 1;
        for (int kind = 0; kind < kinds; kind++) {
            impressionSuccessProducts[kind] += counts[1 + kind];
        }
    }

    /**
     * Counts one impression of the customer that got an outcome of the kind (at most once per impression and
     * kind: the caller deduplicates).
     *
     * @param customerId a customer with an impression counted here
     * @param kind the outcome kind's index, in [0, kinds)
     * @throws IllegalStateException if the customer would have more impressions with an outcome than impressions
     */
    public synchronized void success(String customerId, int kind) {
        int[] counts = customers.get(customerId);
        if (counts == null || counts[1 + kind] >= counts[0]) {
            throw new IllegalStateException("customer " + customerId + " has no impression left for an outcome of"
                    + " kind " + kind);
        }
        long before = counts[1 + kind];
        counts[1 + kind]++;
        successes[kind]++;
        successSquares[kind] += 2 * before + 1;
        impressionSuccessProducts[kind] += counts[0];
    }

    /**
     * The sums for one outcome kind now.
     *
     * @param kind the outcome kind's index, in [0, kinds)
     * @return a snapshot of the sums
     */
    public synchronized ClusterSums sums(int kind) {
        return new ClusterSums(customers.size(), impressions, successes[kind], impressionSquares,
                successSquares[kind], impressionSuccessProducts[kind]);
    }
}
