package org.finrec.eval.internal.metric;

import static org.finrec.eval.RankingMetric.F1;
import static org.finrec.eval.RankingMetric.HIT_RATE;
import static org.finrec.eval.RankingMetric.MAP;
import static org.finrec.eval.RankingMetric.MRR;
import static org.finrec.eval.RankingMetric.NDCG;
import static org.finrec.eval.RankingMetric.PRECISION;
import static org.finrec.eval.RankingMetric.RECALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.finrec.eval.RankingMetric;
import org.junit.jupiter.api.Test;

/**
 * Every expected value below is worked out by hand in the comment above it. Notation: ranks count from 1, a hit
 * is a relevant product in the top k, {@code d(r) = 1 / log2(r + 1)}: d(1) = 1, d(2) = 0.6309298, d(3) = 0.5,
 * d(4) = 0.4306766.
 */
class RankingMetricsTest {

    private static final double EXACT = 1e-12;

    private static double at(RankingMetric metric, int[] ranked, int k, int... relevant) {
        return RankingMetrics.compute(metric, ranked, k, relevant);
    }

    /*
     * ranked [3, 9, 1, 7, 5], k = 4, relevant {1, 3, 5}: the top 4 are 3 (hit), 9, 1 (hit), 7; 5 is cut off.
     *   precision 2/4 = 0.5; recall 2/3; F1 = 2 * 0.5 * 2/3 / (0.5 + 2/3) = (2/3) / (7/6) = 4/7
     *   DCG = d(1) + d(3) = 1.5; ideal over min(3, 4) = 3 hits: 1 + 0.6309298 + 0.5 = 2.1309298;
     *   NDCG = 1.5 / 2.1309298 = 0.7039181
     *   MAP: precision at the hits 1/1 and 2/3, sum 5/3, over min(3, 4) = 3: 5/9
     *   hit rate 1; MRR 1/1
     */
    @Test
    void twoHitsOfThreeInTheTopFour() {
        int[] ranked = {3, 9, 1, 7, 5};
        assertEquals(0.5, at(PRECISION, ranked, 4, 1, 3, 5), EXACT);
        assertEquals(2.0 / 3, at(RECALL, ranked, 4, 1, 3, 5), EXACT);
        assertEquals(4.0 / 7, at(F1, ranked, 4, 1, 3, 5), EXACT);
        assertEquals(1.5 / (1 + 1 / log2(3) + 0.5), at(NDCG, ranked, 4, 1, 3, 5), EXACT);
        assertEquals(0.7039181, at(NDCG, ranked, 4, 1, 3, 5), 1e-7);
        assertEquals(5.0 / 9, at(MAP, ranked, 4, 1, 3, 5), EXACT);
        assertEquals(1.0, at(HIT_RATE, ranked, 4, 1, 3, 5), EXACT);
        assertEquals(1.0, at(MRR, ranked, 4, 1, 3, 5), EXACT);
    }

    /* ranked [0, 2, 4], k = 3, relevant {1}: no hit, so every metric is 0 (F1 is 0 rather than 0/0). */
    @Test
    void noHitScoresZeroEverywhere() {
        for (RankingMetric metric : RankingMetric.values()) {
            assertEquals(0.0, at(metric, new int[] {0, 2, 4}, 3, 1), EXACT, metric.name());
        }
    }

    /*
     * ranked [2, 1], k = 2, relevant {1, 2}: both hit. precision 2/2, recall 2/2, F1 1;
     * DCG = d(1) + d(2) = ideal, NDCG 1; MAP (1/1 + 2/2) / 2 = 1; hit rate 1; MRR 1.
     */
    @Test
    void allHitsScoreOneEverywhere() {
        for (RankingMetric metric : RankingMetric.values()) {
            assertEquals(1.0, at(metric, new int[] {2, 1}, 2, 1, 2), EXACT, metric.name());
        }
    }

    /*
     * k = 5 but only 2 ranked: [7, 4], relevant {4, 8}; one hit at rank 2.
     *   precision 1/5 = 0.2 (still divided by k); recall 1/2; F1 = 2 * 0.2 * 0.5 / 0.7 = 2/7
     *   DCG = d(2) = 0.6309298; ideal over min(2, 5) = 2: 1 + 0.6309298; NDCG = 0.3868528
     *   MAP: precision 1/2 at the hit, over min(2, 5) = 2: 0.25
     *   hit rate 1; MRR 1/2
     */
    @Test
    void aListShorterThanKCountsTheMissingRanksAsMisses() {
        int[] ranked = {7, 4};
        assertEquals(0.2, at(PRECISION, ranked, 5, 4, 8), EXACT);
        assertEquals(0.5, at(RECALL, ranked, 5, 4, 8), EXACT);
        assertEquals(2.0 / 7, at(F1, ranked, 5, 4, 8), EXACT);
        assertEquals(0.3868528, at(NDCG, ranked, 5, 4, 8), 1e-7);
        assertEquals(0.25, at(MAP, ranked, 5, 4, 8), EXACT);
        assertEquals(1.0, at(HIT_RATE, ranked, 5, 4, 8), EXACT);
        assertEquals(0.5, at(MRR, ranked, 5, 4, 8), EXACT);
    }

    /*
     * More relevant products than k: ranked [5, 6, 1, 2], k = 2, relevant {1, 2, 3, 5}; top 2: 5 (hit), 6.
     *   precision 1/2; recall 1/4; F1 = 2 * 1/2 * 1/4 / (3/4) = 1/3
     *   DCG = d(1) = 1; ideal over min(4, 2) = 2 ranks: 1 + 0.6309298; NDCG = 0.6131472
     *   MAP: 1/1 over min(4, 2) = 2: 0.5 (not 1/4: the perfect list of length k scores 1)
     *   hit rate 1; MRR 1
     */
    @Test
    void moreRelevantProductsThanKCapTheIdeal() {
        int[] ranked = {5, 6, 1, 2};
        assertEquals(0.5, at(PRECISION, ranked, 2, 1, 2, 3, 5), EXACT);
        assertEquals(0.25, at(RECALL, ranked, 2, 1, 2, 3, 5), EXACT);
        assertEquals(1.0 / 3, at(F1, ranked, 2, 1, 2, 3, 5), EXACT);
        assertEquals(0.6131472, at(NDCG, ranked, 2, 1, 2, 3, 5), 1e-7);
        assertEquals(0.5, at(MAP, ranked, 2, 1, 2, 3, 5), EXACT);
        assertEquals(1.0, at(HIT_RATE, ranked, 2, 1, 2, 3, 5), EXACT);
        assertEquals(1.0, at(MRR, ranked, 2, 1, 2, 3, 5), EXACT);
    }

    /*
     * Late hits: ranked [9, 8, 7, 6], k = 4, relevant {6, 7}: hits at ranks 3 and 4.
     *   precision 2/4; recall 2/2; F1 = 2 * 0.5 * 1 / 1.5 = 2/3
     *   DCG = d(3) + d(4) = 0.5 + 0.4306766 = 0.9306766; ideal 1 + 0.6309298; NDCG = 0.5706417
     *   MAP: (1/3 + 2/4) / min(2, 4) = 0.4166667
     *   hit rate 1; MRR 1/3
     */
    @Test
    void lateHitsAreDiscounted() {
        int[] ranked = {9, 8, 7, 6};
        assertEquals(0.5, at(PRECISION, ranked, 4, 6, 7), EXACT);
        assertEquals(1.0, at(RECALL, ranked, 4, 6, 7), EXACT);
        assertEquals(2.0 / 3, at(F1, ranked, 4, 6, 7), EXACT);
        assertEquals(0.5706417, at(NDCG, ranked, 4, 6, 7), 1e-7);
        assertEquals((1.0 / 3 + 2.0 / 4) / 2, at(MAP, ranked, 4, 6, 7), EXACT);
        assertEquals(1.0, at(HIT_RATE, ranked, 4, 6, 7), EXACT);
        assertEquals(1.0 / 3, at(MRR, ranked, 4, 6, 7), EXACT);
    }

    /* ranked [0, 1], k = 1, relevant {1}: the hit at rank 2 is below the cut-off, so every metric is 0. */
    @Test
    void hitsBelowTheCutOffDoNotCount() {
        for (RankingMetric metric : RankingMetric.values()) {
            assertEquals(0.0, at(metric, new int[] {0, 1}, 1, 1), EXACT, metric.name());
        }
    }

    /*
     * The Santander MAP@7 shape: one added product found at rank 3 of 7: AP = (1/3) / min(1, 7) = 1/3, which is
     * also the MRR; NDCG = d(3) / d(1) = 0.5.
     */
    @Test
    void oneRelevantProductAtRankThree() {
        int[] ranked = {10, 11, 4, 12, 13, 14, 15};
        assertEquals(1.0 / 3, at(MAP, ranked, 7, 4), EXACT);
        assertEquals(1.0 / 3, at(MRR, ranked, 7, 4), EXACT);
        assertEquals(0.5, at(NDCG, ranked, 7, 4), EXACT);
        assertEquals(1.0 / 7, at(PRECISION, ranked, 7, 4), EXACT);
    }

    /* An empty list (a recommender with no opinion at all) scores 0 everywhere. */
    @Test
    void anEmptyListScoresZero() {
        for (RankingMetric metric : RankingMetric.values()) {
            assertEquals(0.0, at(metric, new int[0], 10, 3), EXACT, metric.name());
        }
    }

    @Test
    void thePublicEnumDelegatesAndLabels() {
        assertEquals(5.0 / 9, MAP.at(new int[] {3, 9, 1, 7, 5}, 4, new int[] {1, 3, 5}), EXACT);
        assertEquals("NDCG@10", NDCG.label(10));
        assertEquals("MAP@7", MAP.label(7));
        assertEquals("HR@10", HIT_RATE.label(10));
        assertEquals("P@5", PRECISION.label(5));
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> at(NDCG, new int[] {1}, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> at(NDCG, new int[] {1}, 1));
        assertThrows(IllegalArgumentException.class, () -> at(NDCG, new int[] {1}, 1, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> at(NDCG, new int[] {1}, 1, 2, 2));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
