package org.finrec.eval;

import java.util.Map;
import java.util.Objects;

/**
 * The figures of one recommender on one split.
 *
 * @param recommender the recommender's name
 * @param modelVersion the model version evaluated
 * @param protocol the split's protocol
 * @param k the cut-off
 * @param cases how many test cases were evaluated
 * @param metrics mean metric values by label (for example {@code NDCG@10}), in a stable order
 * @param coverage share of the catalogue that appears in at least one top-k list
 * @param trainSeconds seconds the model took to train, or NaN when unknown
 * @param recommendationsPerSecond top-k lists produced per second by the evaluation (all items ranked)
 */
public record EvaluationResult(String recommender, String modelVersion, String protocol, int k, int cases,
        Map<String, Double> metrics, double coverage, double trainSeconds, double recommendationsPerSecond) {

    /**
     * Validates and copies the components.
     *
     * @param recommender the recommender's name
     * @param modelVersion the model version
     * @param protocol the protocol
     * @param k the cut-off
     * @param cases the number of cases
     * @param metrics the metric values
     * @param coverage the catalogue coverage
     * @param trainSeconds training seconds or NaN
     * @param recommendationsPerSecond throughput
     */
    public EvaluationResult {
        Objects.requireNonNull(recommender, "recommender");
        Objects.requireNonNull(protocol, "protocol");
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    /**
     * Returns one metric's value.
     *
     * @param label a label such as {@code MAP@7}
     * @return the value
     * @throws IllegalArgumentException if the result has no such metric
     */
    public double metric(String label) {
        Double value = metrics.get(label);
        if (value == null) {
            throw new IllegalArgumentException("no metric " + label + " in " + metrics.keySet());
        }
        return value;
    }

    /**
     * Returns a copy with the training time set.
     *
     * @param seconds training seconds
     * @return the copy
     */
    public EvaluationResult withTrainSeconds(double seconds) {
        return new EvaluationResult(recommender, modelVersion, protocol, k, cases, metrics, coverage, seconds,
                recommendationsPerSecond);
    }
}
