package org.finrec.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopKTest {

    /** The reference: every finite index, sorted by score descending and then by index, cut at k. */
    private static int[] bySorting(double[] scores, int k) {
        List<Integer> finite = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (Double.isFinite(scores[i])) {
                finite.add(i);
            }
        }
        finite.sort((a, b) -> scores[a] > scores[b] ? -1 : scores[a] < scores[b] ? 1 : Integer.compare(a, b));
        return finite.stream().limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static void assertMatchesFullSort(double[] scores, int k) {
        assertArrayEquals(bySorting(scores, k), TopK.select(scores, k),
                () -> "k=" + k + (scores.length <= 50 ? " scores=" + java.util.Arrays.toString(scores)
                        : " over " + scores.length + " scores"));
    }

    @Test
    void agreesWithAFullSortOnRandomArraysWithTiesAndNaN() {
        Random random = new Random(20240611L);
        double[] palette = {0.0, -0.0, 1.0, 2.0, 2.0, -1.0, 0.5, Double.NaN};
        for (int run = 0; run < 5_000; run++) {
            int length = random.nextInt(40);
            double[] scores = new double[length];
            boolean fewValues = random.nextBoolean();
            for (int i = 0; i < length; i++) {
                if (fewValues) {
                    scores[i] = palette[random.nextInt(palette.length)];
                } else {
                    scores[i] = random.nextInt(10) == 0 ? Double.NaN : random.nextGaussian();
                }
            }
            assertMatchesFullSort(scores, 1 + random.nextInt(length + 10));
        }
    }

    @Test
    void agreesWithAFullSortOnALargeArrayForSmallK() {
        Random random = new Random(7);
        double[] scores = new double[10_000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextInt(500);
        }
        for (int k : new int[] {1, 2, 10, 100, 9_999, 10_000, 20_000}) {
            assertMatchesFullSort(scores, k);
        }
    }

    @Test
    void returnsEveryFiniteScoreBestFirstWhenKExceedsTheLength() {
        assertArrayEquals(new int[] {1, 3, 0, 2}, TopK.select(new double[] {0.2, 0.9, 0.1, 0.5}, 10));
    }

    @Test
    void breaksTiesTowardsTheLowerIndex() {
        assertArrayEquals(new int[] {1, 3, 4, 0}, TopK.select(new double[] {1, 5, 1, 5, 5, 1}, 4));
    }

    @Test
    void skipsNaNAndInfiniteScores() {
        double[] scores = {Double.NaN, 0.3, Double.POSITIVE_INFINITY, -2, Double.NEGATIVE_INFINITY, Double.NaN};
        assertArrayEquals(new int[] {1, 3}, TopK.select(scores, 5));
    }

    @Test
    void returnsNothingWhenNoScoreIsFinite() {
        assertEquals(0, TopK.select(new double[] {Double.NaN, Double.NaN}, 3).length);
        assertEquals(0, TopK.select(new double[0], 3).length);
    }

    @Test
    void doesNotModifyTheScores() {
        double[] scores = {3, 1, 2, Double.NaN};
        TopK.select(scores, 2);
        assertArrayEquals(new double[] {3, 1, 2, Double.NaN}, scores);
    }
}
