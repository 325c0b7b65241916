package org.finrec.recommender.cf.internal;

/**
 * The Cholesky factorisation {@code A = L Lᵀ} of a small dense symmetric positive-definite matrix, and solves with
 * it: the exact fold-in of a customer at serving time ({@code factors x factors}, microseconds for 50 factors).
 */
final class Cholesky {

    private final int n;
    private final double[] lower;

    private Cholesky(int n, double[] lower) {
        this.n = n;
        this.lower = lower;
    }

    /**
     * Factorises a matrix.
     *
     * @param matrix a symmetric positive-definite {@code n x n} matrix, row-major; overwritten with L
     * @param n the order
     * @return the factorisation
     * @throws IllegalArgumentException if the matrix is not positive definite
     */
    static Cholesky factor(double[] matrix, int n) {
        for (int j = 0; j < n; j++) {
            int rowJ = j * n;
            double diagonal = matrix[rowJ + j];
            for (int k = 0; k < j; k++) {
                diagonal -= matrix[rowJ + k] * matrix[rowJ + k];
            }
            if (!(diagonal > 0)) {
                throw new IllegalArgumentException("matrix is not positive definite (pivot " + j + " is " + diagonal
                        + ")");
            }
            double pivot = Math.sqrt(diagonal);
            matrix[rowJ + j] = pivot;
            for (int i = j + 1; i < n; i++) {
                int rowI = i * n;
                double sum = matrix[rowI + j];
                for (int k = 0; k < j; k++) {
                    sum -= matrix[rowI + k] * matrix[rowJ + k];
                }
                matrix[rowI + j] = sum / pivot;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                matrix[i * n + j] = 0;
            }
        }
        return new Cholesky(n, matrix);
    }

    /** Solves {@code A x = b} in place: {@code b} becomes {@code x}. */
    void solveInPlace(double[] b) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= lower[row + k] * b[k];
            }
            b[i] = sum / lower[row + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = b[i];
            for (int k = i + 1; k < n; k++) {
                sum -= lower[k * n + i] * b[k];
            }
            b[i] = sum / lower[i * n + i];
        }
    }
}
