package org.finrec.recommender.cf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link NeighbourhoodSimilarity} against hand computations on the 4 x 5 example of {@link KnnTestData#EXAMPLE}
 * and against the textbook vector formulas on random binary matrices.
 */
class SimilarityTest {

    private static final double EPS = 1e-6;

    // Customers (rows, n = 5 products): u0 {0,1,3}, u1 {0,3,4}, u2 {1,2}, u3 {0,1,3,4}.

    @Test
    void cosineOfCustomers() {
        assertEquals(2.0 / 3, NeighbourhoodSimilarity.cosine(3, 3, 2), EPS); // u0, u1
        assertEquals(1 / Math.sqrt(6), NeighbourhoodSimilarity.cosine(3, 2, 1), EPS); // u0, u2: 0.408248
        assertEquals(3 / Math.sqrt(12), NeighbourhoodSimilarity.cosine(3, 4, 3), EPS); // u0, u3: 0.866025
        assertEquals(0, NeighbourhoodSimilarity.cosine(3, 2, 0), EPS); // u1, u2
        assertEquals(1 / Math.sqrt(8), NeighbourhoodSimilarity.cosine(2, 4, 1), EPS); // u2, u3: 0.353553
    }

    @Test
    void pearsonOfCustomers() {
        // (n c - a b) / sqrt(a (n - a) b (n - b)), n = 5
        assertEquals(1.0 / 6, NeighbourhoodSimilarity.pearson(5, 3, 3, 2), EPS); // (10 - 9) / 6
        assertEquals(-1.0 / 6, NeighbourhoodSimilarity.pearson(5, 3, 2, 1), EPS); // (5 - 6) / 6
        assertEquals(3 / Math.sqrt(24), NeighbourhoodSimilarity.pearson(5, 3, 4, 3), EPS); // 0.612372
        assertEquals(-1, NeighbourhoodSimilarity.pearson(5, 3, 2, 0), EPS); // u1, u2 are complements
        assertEquals(-3 / Math.sqrt(24), NeighbourhoodSimilarity.pearson(5, 2, 4, 1), EPS);
    }

    @Test
    void euclideanOfCustomers() {
        // 1 / (1 + sqrt(a + b - 2c))
        assertEquals(1 / (1 + Math.sqrt(2)), NeighbourhoodSimilarity.euclidean(3, 3, 2), EPS); // 0.414214
        assertEquals(1 / (1 + Math.sqrt(3)), NeighbourhoodSimilarity.euclidean(3, 2, 1), EPS); // 0.366025
        assertEquals(0.5, NeighbourhoodSimilarity.euclidean(3, 4, 3), EPS);
        assertEquals(1 / (1 + Math.sqrt(5)), NeighbourhoodSimilarity.euclidean(3, 2, 0), EPS); // 0.309017
        assertEquals(1.0 / 3, NeighbourhoodSimilarity.euclidean(2, 4, 1), EPS);
    }

    // Products (columns, n = 4 customers): p0 {u0,u1,u3}, p1 {u0,u2,u3}, p2 {u2}, p3 = p0, p4 {u1,u3}.

    @Test
    void cosinePearsonEuclideanOfProducts() {
        assertEquals(2.0 / 3, NeighbourhoodSimilarity.cosine(3, 3, 2), EPS); // p0, p1
        assertEquals(1, NeighbourhoodSimilarity.cosine(3, 3, 3), EPS); // p0, p3
        assertEquals(2 / Math.sqrt(6), NeighbourhoodSimilarity.cosine(3, 2, 2), EPS); // p0, p4: 0.816497
        assertEquals(1 / Math.sqrt(3), NeighbourhoodSimilarity.cosine(3, 1, 1), EPS); // p1, p2: 0.577350

        assertEquals(-1.0 / 3, NeighbourhoodSimilarity.pearson(4, 3, 3, 2), EPS); // (8 - 9) / 3
        assertEquals(1, NeighbourhoodSimilarity.pearson(4, 3, 3, 3), EPS);
        assertEquals(2 / Math.sqrt(12), NeighbourhoodSimilarity.pearson(4, 3, 2, 2), EPS); // 0.577350
        assertEquals(1.0 / 3, NeighbourhoodSimilarity.pearson(4, 3, 1, 1), EPS); // (4 - 3) / 3
        assertEquals(-1, NeighbourhoodSimilarity.pearson(4, 3, 1, 0), EPS); // p0, p2

        assertEquals(1, NeighbourhoodSimilarity.euclidean(3, 3, 3), EPS); // identical columns
        assertEquals(0.5, NeighbourhoodSimilarity.euclidean(3, 2, 2), EPS); // p0, p4
        assertEquals(1.0 / 3, NeighbourhoodSimilarity.euclidean(3, 1, 0), EPS); // p0, p2
    }

    /**
     * Row means m = (0.6, 0.6, 0.4, 0.8), S = 1.52; M(p0) = 2.0, M(p1) = 1.8, M(p2) = 0.4, M(p4) = 1.4. Centred
     * columns: p0 (.4, .4, -.4, .2), p1 (.4, -.6, .6, .2), p2 (-.6, -.6, .6, -.8), p4 (-.6, .4, -.4, .2).
     */
    @Test
    void adjustedCosineOfProducts() {
        double s = 1.52;
        // p0, p1: dot .16 - .24 - .24 + .04 = -.28; norms^2 .52 and .92
        assertEquals(-0.28 / Math.sqrt(0.52 * 0.92),
                NeighbourhoodSimilarity.adjustedCosine(3, 3, 2, 2.0, 1.8, s), EPS);
        // p0, p4: dot -.24 + .16 + .16 + .04 = .12; norms^2 .52 and .72: 0.196116
        assertEquals(0.12 / Math.sqrt(0.52 * 0.72),
                NeighbourhoodSimilarity.adjustedCosine(3, 2, 2, 2.0, 1.4, s), EPS);
        // p1, p2: dot -.24 + .36 + .36 - .16 = .32; norms^2 .92 and 1.72: 0.254385
        assertEquals(0.32 / Math.sqrt(0.92 * 1.72),
                NeighbourhoodSimilarity.adjustedCosine(3, 1, 1, 1.8, 0.4, s), EPS);
        // p2, p4, never held together: dot .36 - .24 - .24 - .16 = -.28
        assertEquals(-0.28 / Math.sqrt(1.72 * 0.72),
                NeighbourhoodSimilarity.adjustedCosine(1, 2, 0, 0.4, 1.4, s), EPS);
        assertEquals(1, NeighbourhoodSimilarity.adjustedCosine(3, 3, 3, 2.0, 2.0, s), EPS); // p0, p3
    }

    @Test
    void emptyVectorsAndZeroVariancesGiveZeroNotNaN() {
        for (Similarity similarity : new Similarity[] {Similarity.COSINE, Similarity.PEARSON, Similarity.EUCLIDEAN}) {
            assertEquals(0, NeighbourhoodSimilarity.of(similarity, 5, 0, 3, 0), similarity.name());
            assertEquals(0, NeighbourhoodSimilarity.of(similarity, 5, 3, 0, 0), similarity.name());
        }
        assertEquals(0, NeighbourhoodSimilarity.pearson(5, 5, 3, 3)); // a vector of ones has no variance
        assertEquals(0, NeighbourhoodSimilarity.adjustedCosine(0, 2, 0, 0, 1, 1));
        assertEquals(0, NeighbourhoodSimilarity.adjustedCosine(1, 1, 1, 0.5, 0.5, 0)); // zero norms
        assertThrows(IllegalArgumentException.class,
                () -> NeighbourhoodSimilarity.of(Similarity.ADJUSTED_COSINE, 5, 1, 1, 1));
    }

    /** The count formulas equal the vector definitions on random 0/1 vectors, and the closed adjusted cosine. */
    @Test
    void countFormulasMatchTheVectorDefinitions() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int users = 2 + random.nextInt(30);
            int items = 2 + random.nextInt(20);
            int[][] h = new int[users][items];
            double[] mean = new double[users];
            for (int u = 0; u < users; u++) {
                double p = random.nextDouble();
                for (int i = 0; i < items; i++) {
                    h[u][i] = random.nextDouble() < p ? 1 : 0;
                    mean[u] += h[u][i];
                }
                mean[u] /= items;
            }
            double squares = 0;
            for (double m : mean) {
                squares += m * m;
            }
            int i = random.nextInt(items);
            int j = random.nextInt(items);
            int a = 0;
            int b = 0;
            int c = 0;
            double meanSumI = 0;
            double meanSumJ = 0;
            double dot = 0;
            double normI = 0;
            double normJ = 0;
            double colMeanI = 0;
            double colMeanJ = 0;
            for (int u = 0; u < users; u++) {
                a += h[u][i];
                b += h[u][j];
                c += h[u][i] * h[u][j];
                meanSumI += h[u][i] * mean[u];
                meanSumJ += h[u][j] * mean[u];
                double x = h[u][i] - mean[u];
                double y = h[u][j] - mean[u];
                dot += x * y;
                normI += x * x;
                normJ += y * y;
                colMeanI += h[u][i];
                colMeanJ += h[u][j];
            }
            colMeanI /= users;
            colMeanJ /= users;
            double cov = 0;
            double varI = 0;
            double varJ = 0;
            double distance = 0;
            for (int u = 0; u < users; u++) {
                cov += (h[u][i] - colMeanI) * (h[u][j] - colMeanJ);
                varI += (h[u][i] - colMeanI) * (h[u][i] - colMeanI);
                varJ += (h[u][j] - colMeanJ) * (h[u][j] - colMeanJ);
                distance += (h[u][i] - h[u][j]) * (h[u][i] - h[u][j]);
            }
            String at = "trial " + trial;
            if (a > 0 && b > 0) {
                assertEquals(c / Math.sqrt(a * b), NeighbourhoodSimilarity.cosine(a, b, c), EPS, at);
                assertEquals(1 / (1 + Math.sqrt(distance)), NeighbourhoodSimilarity.euclidean(a, b, c), EPS, at);
                double pearson = varI > 0 && varJ > 0 ? cov / Math.sqrt(varI * varJ) : 0;
                assertEquals(pearson, NeighbourhoodSimilarity.pearson(users, a, b, c), EPS, at);
                double adjusted = normI > 1e-12 && normJ > 1e-12 ? dot / Math.sqrt(normI * normJ) : 0;
                assertEquals(adjusted, NeighbourhoodSimilarity.adjustedCosine(a, b, c, meanSumI, meanSumJ, squares),
                        EPS, at);
            }
        }
    }
}
