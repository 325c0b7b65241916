package org.finrec.recommender.cf.internal;

/**
 * A few steps of the conjugate-gradient method for a symmetric positive-definite system {@code A x = b},
 * warm-started from the current {@code x} (Takács, Pilászy and Tikk 2011: three steps per row and half-sweep are
 * enough for implicit ALS, since every sweep starts from the previous solution). The matrix is given as an
 * operator, so that ALS applies {@code YᵀY + λI + Σ (c−1) y yᵀ} without forming it. One instance is a workspace for
 * one thread.
 */
final class ConjugateGradient {

    /** Applies a symmetric positive-definite matrix: {@code out = A v}. */
    @FunctionalInterface
    interface Operator {
        void apply(double[] v, double[] out);
    }

    /** Squared residual norm below which the solve stops early. */
    static final double TOLERANCE = 1e-20;

    private final int n;
    private final double[] residual;
    private final double[] direction;
    private final double[] product;

    ConjugateGradient(int n) {
        this.n = n;
        this.residual = new double[n];
        this.direction = new double[n];
        this.product = new double[n];
    }

    /**
     * Improves {@code x} towards the solution of {@code A x = b}.
     *
     * @param a the matrix
     * @param b the right-hand side (length n)
     * @param x the starting point, overwritten with the result (length n)
     * @param steps the most steps to take; n steps solve the system exactly in exact arithmetic
     * @return the steps taken
     */
    int solve(Operator a, double[] b, double[] x, int steps) {
        a.apply(x, product);
        double rr = 0;
        for (int k = 0; k < n; k++) {
            residual[k] = b[k] - product[k];
            direction[k] = residual[k];
            rr += residual[k] * residual[k];
        }
        for (int step = 0; step < steps; step++) {
            if (rr < TOLERANCE) {
                return step;
            }
            a.apply(direction, product);
            double pap = 0;
            for (int k = 0; k < n; k++) {
                pap += direction[k] * product[k];
            }
            if (!(pap > 0)) {
                return step;
            }
            double alpha = rr / pap;
            double next = 0;
            for (int k = 0; k < n; k++) {
                x[k] += alpha * direction[k];
                residual[k] -= alpha * product[k];
                next += residual[k] * residual[k];
            }
            double beta = next / rr;
            for (int k = 0; k < n; k++) {
                direction[k] = residual[k] + beta * direction[k];
            }
            rr = next;
        }
        return steps;
    }

    /** An operator for a dense symmetric matrix ({@code n x n}, row-major). */
    static Operator dense(double[] matrix, int n) {
        return (v, out) -> {
            for (int r = 0; r < n; r++) {
                double sum = 0;
                int line = r * n;
                for (int c = 0; c < n; c++) {
                    sum += matrix[line + c] * v[c];
                }
                out[r] = sum;
            }
        };
    }
}
