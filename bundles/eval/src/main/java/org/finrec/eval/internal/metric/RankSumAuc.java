package org.finrec.eval.internal.metric;

import java.util.Arrays;

/**
 * Area under the ROC curve by the rank-sum (Mann-Whitney U) formula:
 * {@code AUC = (R+ - n+ (n+ + 1) / 2) / (n+ n-)}, where {@code R+} is the sum of the positives' ranks among all
 * scores (ascending, from 1) and tied scores share the average of the ranks they span. Equals the probability
 * that a random positive scores above a random negative, ties counting one half.
 *
 * <p>O(n log n): the positives' and the negatives' scores are sorted separately and merged, so no index array is
 * boxed or sorted. Stateless; safe to call from any thread.
 */
public final class RankSumAuc {

    private RankSumAuc() {
    }

    /**
     * Computes the AUC.
     *
     * @param scores one score per example, not NaN (infinities are allowed and ordered as usual)
     * @param labels whether each example is positive
     * @return the AUC in [0, 1]
     * @throws IllegalArgumentException if the arrays differ in length, a score is NaN, or only one class is present
     */
    public static double compute(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("AUC needs one label per score, got " + scores.length + " scores and "
                    + labels.length + " labels");
        }
        int positiveCount = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("AUC needs scores that are not NaN; score " + i + " is NaN");
            }
            if (labels[i]) {
                positiveCount++;
            }
        }
        int negativeCount = scores.length - positiveCount;
        if (positiveCount == 0 || negativeCount == 0) {
            throw new IllegalArgumentException("AUC needs both classes, got " + positiveCount + " positive and "
                    + negativeCount + " negative examples");
        }
        double[] positives = new double[positiveCount];
        double[] negatives = new double[negativeCount];
        int p = 0;
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            // + 0.0 turns -0.0 into 0.0, which Arrays.sort would otherwise order apart from 0.0
            if (labels[i]) {
                positives[p++] = scores[i] + 0.0;
            } else {
                negatives[n++] = scores[i] + 0.0;
            }
        }
        Arrays.sort(positives);
        Arrays.sort(negatives);

        double positiveRankSum = 0;
        long ranked = 0;
        p = 0;
        n = 0;
        while (p < positiveCount || n < negativeCount) {
            double value = p == positiveCount ? negatives[n]
                    : n == negativeCount ? positives[p]
                    : Math.min(positives[p], negatives[n]);
            int tiedPositives = 0;
            while (p < positiveCount && positives[p] == value) {
                p++;
                tiedPositives++;
            }
            int tiedNegatives = 0;
            while (n < negativeCount && negatives[n] == value) {
                n++;
                tiedNegatives++;
            }
            int tied = tiedPositives + tiedNegatives;
            double averageRank = ranked + (tied + 1) / 2.0;
            positiveRankSum += tiedPositives * averageRank;
            ranked += tied;
        }
        double u = positiveRankSum - (double) positiveCount * (positiveCount + 1) / 2.0;
        return u / ((double) positiveCount * negativeCount);
    }
}
