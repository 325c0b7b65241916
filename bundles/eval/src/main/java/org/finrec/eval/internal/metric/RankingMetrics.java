package org.finrec.eval.internal.metric;

import java.util.Arrays;
import org.finrec.eval.RankingMetric;

/**
 * The arithmetic of the {@link RankingMetric}s for one top-k list. All metrics look at the first
 * {@code min(k, ranked.length)} entries; a list shorter than {@code k} is treated as padded with misses, so
 * precision still divides by {@code k} (as RecBole and the Kaggle MAP@k scorer do).
 *
 * <p>Stateless and allocation-free; safe to call from any thread.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /**
     * Computes one metric.
     *
     * @param metric the metric
     * @param ranked product indices, best first, without repeats; may be shorter or longer than {@code k}
     * @param k the cut-off, 1 or more
     * @param relevant relevant product indices, strictly ascending, not empty
     * @return the value in [0, 1]
     * @throws IllegalArgumentException if {@code k < 1} or {@code relevant} is empty or not strictly ascending
     */
    public static double compute(RankingMetric metric, int[] ranked, int k, int[] relevant) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        requireStrictlyAscending(relevant);
        int depth = Math.min(k, ranked.length);
        return switch (metric) {
            case PRECISION -> precision(ranked, depth, k, relevant);
            case RECALL -> recall(ranked, depth, relevant);
            case F1 -> f1(ranked, depth, k, relevant);
            case NDCG -> ndcg(ranked, depth, k, relevant);
            case MAP -> averagePrecision(ranked, depth, k, relevant);
            case HIT_RATE -> firstHit(ranked, depth, relevant) >= 0 ? 1.0 : 0.0;
            case MRR -> reciprocalRank(ranked, depth, relevant);
        };
    }

    private static double precision(int[] ranked, int depth, int k, int[] relevant) {
        return (double) hits(ranked, depth, relevant) / k;
    }

    private static double recall(int[] ranked, int depth, int[] relevant) {
        return (double) hits(ranked, depth, relevant) / relevant.length;
    }

    private static double f1(int[] ranked, int depth, int k, int[] relevant) {
        int hits = hits(ranked, depth, relevant);
        if (hits == 0) {
            return 0.0;
        }
        double precision = (double) hits / k;
        double recall = (double) hits / relevant.length;
        return 2 * precision * recall / (precision + recall);
    }

    /** Binary gains, discount {@code 1 / log2(rank + 1)} with ranks from 1; the ideal list puts every hit first. */
    private static double ndcg(int[] ranked, int depth, int k, int[] relevant) {
        double dcg = 0;
        for (int position = 0; position < depth; position++) {
            if (isRelevant(ranked[position], relevant)) {
                dcg += discount(position);
            }
        }
        double idealDcg = 0;
        int idealHits = Math.min(relevant.length, k);
        for (int position = 0; position < idealHits; position++) {
            idealDcg += discount(position);
        }
        return dcg / idealDcg;
    }

    private static double discount(int position) {
        return 1.0 / (Math.log(position + 2) / Math.log(2));
    }

    /** Kaggle's apk: the precision at each hit's rank, summed, over {@code min(|relevant|, k)}. */
    private static double averagePrecision(int[] ranked, int depth, int k, int[] relevant) {
        double sum = 0;
        int hits = 0;
        for (int position = 0; position < depth; position++) {
            if (isRelevant(ranked[position], relevant)) {
                hits++;
                sum += (double) hits / (position + 1);
            }
        }
        return sum / Math.min(relevant.length, k);
    }

    private static double reciprocalRank(int[] ranked, int depth, int[] relevant) {
        int first = firstHit(ranked, depth, relevant);
        return first < 0 ? 0.0 : 1.0 / (first + 1);
    }

    private static int hits(int[] ranked, int depth, int[] relevant) {
        int hits = 0;
        for (int position = 0; position < depth; position++) {
            if (isRelevant(ranked[position], relevant)) {
                hits++;
            }
        }
        return hits;
    }

    private static int firstHit(int[] ranked, int depth, int[] relevant) {
        for (int position = 0; position < depth; position++) {
            if (isRelevant(ranked[position], relevant)) {
                return position;
            }
        }
        return -1;
    }

    private static boolean isRelevant(int product, int[] relevant) {
        return Arrays.binarySearch(relevant, product) >= 0;
    }

    private static void requireStrictlyAscending(int[] relevant) {
        if (relevant.length == 0) {
            throw new IllegalArgumentException("relevant products must not be empty");
        }
        for (int i = 1; i < relevant.length; i++) {
            if (relevant[i] <= relevant[i - 1]) {
                throw new IllegalArgumentException("relevant products must be strictly ascending, got "
                        + Arrays.toString(relevant));
            }
        }
    }
}
