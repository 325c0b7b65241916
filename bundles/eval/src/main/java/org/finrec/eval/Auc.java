package org.finrec.eval;

import org.finrec.eval.internal.metric.RankSumAuc;

/**
 * Area under the ROC curve for binary targets (for example "will the customer subscribe a term deposit?"): the
 * probability that a randomly chosen positive example scores higher than a randomly chosen negative one, ties
 * counting one half. 0.5 is chance, 1 a perfect ordering.
 */
public final class Auc {

    private Auc() {
    }

    /**
     * Computes the AUC with the rank-sum (Mann-Whitney U) formula, giving tied scores their average rank. Runs in
     * O(n log n) and does not modify its arguments. Safe to call from any thread.
     *
     * @param scores one score per example, higher meaning more likely positive; not null, no NaN (infinities are
     *     allowed)
     * @param labels whether each example is positive, in the order of {@code scores}; not null
     * @return the AUC in [0, 1]
     * @throws IllegalArgumentException if the arrays differ in length, a score is NaN, or the labels contain only
     *     one class (the AUC is undefined then)
     */
    public static double of(double[] scores, boolean[] labels) {
        return RankSumAuc.compute(scores, labels);
    }
}
