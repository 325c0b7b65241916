package org.finrec.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AucTest {

    private static final double EXACT = 1e-12;

    /*
     * scores  0.9  0.8  0.8  0.3  0.1
     * label   +    -    +    -    +
     * Ascending ranks: 0.1 -> 1, 0.3 -> 2, the two 0.8 share ranks 3 and 4 -> 3.5 each, 0.9 -> 5.
     * R+ = 5 + 3.5 + 1 = 9.5; n+ = 3, n- = 2; U = 9.5 - 3 * 4 / 2 = 3.5; AUC = 3.5 / (3 * 2) = 7/12.
     * Check by pairs (positive, negative): (0.9, 0.8) 1, (0.9, 0.3) 1, (0.8, 0.8) 1/2, (0.8, 0.3) 1,
     * (0.1, 0.8) 0, (0.1, 0.3) 0: 3.5 of 6.
     */
    @Test
    void handExampleWithATie() {
        double[] scores = {0.9, 0.8, 0.8, 0.3, 0.1};
        boolean[] labels = {true, false, true, false, true};
        assertEquals(7.0 / 12, Auc.of(scores, labels), EXACT);
    }

    /* Perfect order 1, reversed order 0, all scores tied 1/2 (every pair counts one half). */
    @Test
    void perfectReversedAndTiedOrders() {
        boolean[] labels = {false, false, true, true};
        assertEquals(1.0, Auc.of(new double[] {0.1, 0.2, 0.3, 0.4}, labels), EXACT);
        assertEquals(0.0, Auc.of(new double[] {0.4, 0.3, 0.2, 0.1}, labels), EXACT);
        assertEquals(0.5, Auc.of(new double[] {7, 7, 7, 7}, labels), EXACT);
    }

    /*
     * scores 1 2 3 4 5 6, labels - + - + - +: ranks of positives 2, 4, 6, R+ = 12, U = 12 - 6 = 6, AUC = 6/9 = 2/3.
     * Infinities are ordinary extremes: replacing 6 by +inf and 1 by -inf changes nothing; -0.0 ties with 0.0.
     */
    @Test
    void noTiesInfinitiesAndSignedZero() {
        boolean[] labels = {false, true, false, true, false, true};
        assertEquals(2.0 / 3, Auc.of(new double[] {1, 2, 3, 4, 5, 6}, labels), EXACT);
        assertEquals(2.0 / 3, Auc.of(new double[] {Double.NEGATIVE_INFINITY, 2, 3, 4, 5, Double.POSITIVE_INFINITY},
                labels), EXACT);
        assertEquals(0.5, Auc.of(new double[] {-0.0, 0.0}, new boolean[] {true, false}), EXACT);
    }

    @Test
    void agreesWithPairCountingOnRandomData() {
        Random random = new Random(20240611L);
        for (int run = 0; run < 500; run++) {
            int n = 2 + random.nextInt(60);
            double[] scores = new double[n];
            boolean[] labels = new boolean[n];
            boolean fewValues = random.nextBoolean();
            for (int i = 0; i < n; i++) {
                scores[i] = fewValues ? random.nextInt(4) : random.nextGaussian();
                labels[i] = random.nextDouble() < 0.3;
            }
            labels[0] = true;
            labels[1] = false;
            assertEquals(byPairs(scores, labels), Auc.of(scores, labels), 1e-12, "run " + run);
        }
    }

    @Test
    void doesNotModifyItsArguments() {
        double[] scores = {0.3, 0.1, 0.2};
        boolean[] labels = {true, false, true};
        Auc.of(scores, labels);
        assertEquals(0.3, scores[0]);
        assertTrue(labels[0]);
    }

    @Test
    void rejectsOneClassNaNAndMismatchedLengths() {
        assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[] {1, 2}, new boolean[] {true, true}));
        assertThrows(IllegalArgumentException.class,
                () -> Auc.of(new double[] {1, 2}, new boolean[] {false, false}));
        assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class,
                () -> Auc.of(new double[] {1, Double.NaN}, new boolean[] {true, false}));
        assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[] {1, 2}, new boolean[] {true}));
    }

    /** The definition: the share of (positive, negative) pairs ordered correctly, ties counting one half. */
    private static double byPairs(double[] scores, boolean[] labels) {
        double correct = 0;
        long pairs = 0;
        for (int p = 0; p < scores.length; p++) {
            for (int n = 0; n < scores.length; n++) {
                if (labels[p] && !labels[n]) {
                    pairs++;
                    correct += scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0;
                }
            }
        }
        return correct / pairs;
    }
}
