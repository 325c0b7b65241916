package org.finrec.eval;

/**
 * Top-k ranking metrics for one test case. {@code ranked} lists product indices best first, without repeats (only
 * the first {@code k} count; a shorter list counts the missing ranks as misses); {@code relevant} lists the
 * relevant product indices in ascending order (at least one). A hit is a relevant product in the top {@code k}.
 */
public enum RankingMetric {
    /** Share of the top k that is relevant: hits / k, also when fewer than k products are ranked. */
    PRECISION,
    /** Share of the relevant products found in the top k: hits / |relevant|. */
    RECALL,
    /** Harmonic mean of precision and recall at k (0 when both are 0). */
    F1,
    /**
     * Normalised discounted cumulative gain with binary relevance: each hit at rank r (from 1) gains
     * {@code 1 / log2(r + 1)}, divided by the gain of a list with {@code min(|relevant|, k)} hits on top.
     */
    NDCG,
    /**
     * Average precision at k as in the Santander competition's MAP@7: the precision at each hit's rank, summed and
     * divided by {@code min(|relevant|, k)}. Averaged over cases it is MAP@k.
     */
    MAP,
    /** 1 if any relevant product is in the top k, else 0. */
    HIT_RATE,
    /** Reciprocal rank of the first relevant product in the top k, 0 if none. */
    MRR;

    /**
     * Computes the metric.
     *
     * @param ranked product indices, best first
     * @param k the cut-off, 1 or more
     * @param relevant relevant product indices, ascending, not empty
     * @return the value in [0, 1]
     * @throws IllegalArgumentException if {@code k < 1} or {@code relevant} is empty or not strictly ascending
     */
    public double at(int[] ranked, int k, int[] relevant) {
        return org.finrec.eval.internal.metric.RankingMetrics.compute(this, ranked, k, relevant);
    }

    /**
     * Returns the metric's short label, such as {@code NDCG@10}.
     *
     * @param k the cut-off
     * @return the label
     */
    public String label(int k) {
        String name = switch (this) {
            case PRECISION -> "P";
            case RECALL -> "R";
            case F1 -> "F1";
            case NDCG -> "NDCG";
            case MAP -> "MAP";
            case HIT_RATE -> "HR";
            case MRR -> "MRR";
        };
        return name + "@" + k;
    }
}
