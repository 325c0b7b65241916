package org.finrec.recommender.cf.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DenseFactorsTest {

    @Test
    void gramMatchesTheNaiveProductAndIsBitIdenticalWhateverTheThreads() {
        int rows = 2 * DenseFactors.GRAM_BLOCK + 77;
        int f = 5;
        DenseFactors x = DenseFactors.gaussian(rows, f, 1, new Random(1));
        double[] naive = new double[f * f];
        for (int r = 0; r < rows; r++) {
            for (int a = 0; a < f; a++) {
                for (int b = 0; b < f; b++) {
                    naive[a * f + b] += (double) x.values()[r * f + a] * x.values()[r * f + b];
                }
            }
        }
        double[] one;
        try (FactorThreads threads = new FactorThreads(1, "test")) {
            one = x.gram(threads);
        }
        double[] three;
        try (FactorThreads threads = new FactorThreads(3, "test")) {
            three = x.gram(threads);
        }
        assertArrayEquals(naive, one, 1e-9);
        assertArrayEquals(one, three, 0.0);
        for (int a = 0; a < f; a++) {
            for (int b = 0; b < f; b++) {
                assertEquals(one[a * f + b], one[b * f + a], 0.0, "symmetric");
            }
        }
    }

    @Test
    void rowOperations() {
        DenseFactors x = new DenseFactors(2, 3);
        x.setRow(0, new double[] {1, 2, 3});
        x.setRow(1, new double[] {-1, 0, 2});
        assertEquals(1 * -1 + 3 * 2, x.dot(0, 1), 1e-12);
        assertEquals(1 + 4 + 9, x.dot(0, new double[] {1, 2, 3}), 1e-12);
        double[] sum = new double[3];
        x.addRowTo(0, 2, sum);
        x.addRowTo(1, 1, sum);
        assertArrayEquals(new double[] {1, 4, 8}, sum, 1e-12);
        double[] outer = new double[9];
        x.addOuterToLower(0, 1, outer);
        DenseFactors.mirrorLower(outer, 3);
        assertArrayEquals(new double[] {1, 2, 3, 2, 4, 6, 3, 6, 9}, outer, 1e-12);
        float[] scores = new float[2];
        x.multiply(new double[] {1, 1, 1}, scores);
        assertArrayEquals(new float[] {6, 1}, scores);
    }
}
