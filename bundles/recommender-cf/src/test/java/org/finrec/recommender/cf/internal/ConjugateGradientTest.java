package org.finrec.recommender.cf.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConjugateGradientTest {

    /** {@code MᵀM + I} with {@code M} normal of variance {@code scale²}: symmetric positive definite. */
    private static double[] spd(int n, Random random) {
        return spd(n, random, 1);
    }

    private static double[] spd(int n, Random random, double scale) {
        double[] m = new double[n * n];
        for (int k = 0; k < m.length; k++) {
            m[k] = random.nextGaussian() * scale;
        }
        double[] a = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double sum = r == c ? 1 : 0;
                for (int k = 0; k < n; k++) {
                    sum += m[k * n + r] * m[k * n + c];
                }
                a[r * n + c] = sum;
            }
        }
        return a;
    }

    /** Gaussian elimination with partial pivoting, independent of both solvers under test. */
    private static double[] gauss(double[] matrix, double[] rhs, int n) {
        double[] a = matrix.clone();
        double[] b = rhs.clone();
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r * n + col]) > Math.abs(a[pivot * n + col])) {
                    pivot = r;
                }
            }
            for (int c = 0; c < n; c++) {
                double t = a[col * n + c];
                a[col * n + c] = a[pivot * n + c];
                a[pivot * n + c] = t;
            }
            double t = b[col];
            b[col] = b[pivot];
            b[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double factor = a[r * n + col] / a[col * n + col];
                for (int c = col; c < n; c++) {
                    a[r * n + c] -= factor * a[col * n + c];
                }
                b[r] -= factor * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = b[r];
            for (int c = r + 1; c < n; c++) {
                sum -= a[r * n + c] * x[c];
            }
            x[r] = sum / a[r * n + r];
        }
        return x;
    }

    private static double[] randomVector(int n, Random random) {
        double[] b = new double[n];
        for (int k = 0; k < n; k++) {
            b[k] = random.nextGaussian();
        }
        return b;
    }

    @Test
    void solvesASmallSpdSystemToADirectSolve() {
        Random random = new Random(3);
        int n = 6;
        double[] a = spd(n, random);
        double[] b = randomVector(n, random);
        double[] x = new double[n];
        new ConjugateGradient(n).solve(ConjugateGradient.dense(a, n), b, x, 2 * n);
        assertArrayEquals(gauss(a, b, n), x, 1e-5);
    }

    @Test
    void threeWarmStartedStepsPerRoundLowerTheErrorAndConverge() {
        Random random = new Random(11);
        int n = 20;
        double[] a = spd(n, random, 1 / Math.sqrt(n)); // eigenvalues about 1 to 5, as a regularised Gram matrix
        double[] b = randomVector(n, random);
        double[] exact = gauss(a, b, n);
        ConjugateGradient cg = new ConjugateGradient(n);
        double[] x = new double[n];
        double previous = energy(a, x, exact);
        for (int round = 0; round < 40; round++) {
            cg.solve(ConjugateGradient.dense(a, n), b, x, 3);
            double now = energy(a, x, exact);
            assertTrue(now <= previous + 1e-12, "round " + round + ": " + now + " > " + previous);
            previous = now;
        }
        assertArrayEquals(exact, x, 1e-5);
    }

    @Test
    void startingAtTheSolutionStopsAtOnce() {
        Random random = new Random(5);
        int n = 4;
        double[] a = spd(n, random);
        double[] b = randomVector(n, random);
        double[] x = gauss(a, b, n);
        new ConjugateGradient(n).solve(ConjugateGradient.dense(a, n), b, x, 10);
        assertArrayEquals(gauss(a, b, n), x, 1e-9);
        assertEquals(0, new ConjugateGradient(n).solve(ConjugateGradient.dense(a, n), new double[n], new double[n], 3));
    }

    @Test
    void choleskySolvesLikeGaussianElimination() {
        Random random = new Random(8);
        for (int n : new int[] {1, 2, 7, 50}) {
            double[] a = spd(n, random);
            double[] b = randomVector(n, random);
            double[] x = b.clone();
            Cholesky.factor(a.clone(), n).solveInPlace(x);
            assertArrayEquals(gauss(a, b, n), x, 1e-8, "n=" + n);
        }
    }

    @Test
    void choleskyRejectsAMatrixThatIsNotPositiveDefinite() {
        assertThrows(IllegalArgumentException.class, () -> Cholesky.factor(new double[] {1, 2, 2, 1}, 2));
    }

    /** The error's A-norm {@code sqrt((x−y)ᵀ A (x−y))}, which every conjugate-gradient step lowers. */
    private static double energy(double[] a, double[] x, double[] y) {
        int n = x.length;
        double sum = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                sum += (x[r] - y[r]) * a[r * n + c] * (x[c] - y[c]);
            }
        }
        return Math.sqrt(Math.max(0, sum));
    }
}
