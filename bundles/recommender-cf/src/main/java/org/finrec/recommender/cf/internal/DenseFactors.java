package org.finrec.recommender.cf.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.finrec.api.model.ModelInput;
import org.finrec.api.model.ModelOutput;

/**
 * A dense {@code rows x factors} matrix of latent factors in one row-major {@code float[]}: row {@code r} is
 * {@code values[r * factors .. (r + 1) * factors)}. Floats halve the memory of a million customers' vectors;
 * every sum over a row is taken in {@code double}. Not thread-safe while written; models only read it.
 */
final class DenseFactors {

    /** Rows per block of {@link #gram}: fixed, so that the sum's order, hence its bits, never depends on threads. */
    static final int GRAM_BLOCK = 1024;

    private final int rows;
    private final int factors;
    private final float[] values;

    DenseFactors(int rows, int factors) {
        if (rows < 0 || factors < 1) {
            throw new IllegalArgumentException("rows must be >= 0 and factors >= 1, got " + rows + " x " + factors);
        }
        this.rows = rows;
        this.factors = factors;
        this.values = new float[Math.multiplyExact(rows, factors)];
    }

    /**
     * Fills the matrix with independent normal values of standard deviation {@code scale}, drawn from one seeded
     * stream in row order.
     */
    static DenseFactors gaussian(int rows, int factors, double scale, Random random) {
        DenseFactors matrix = new DenseFactors(rows, factors);
        for (int k = 0; k < matrix.values.length; k++) {
            matrix.values[k] = (float) (random.nextGaussian() * scale);
        }
        return matrix;
    }

    int rows() {
        return rows;
    }

    int factors() {
        return factors;
    }

    /** The backing array, row-major; callers index it as {@code row * factors() + k}. */
    float[] values() {
        return values;
    }

    /** Copies row {@code row} into {@code target} (length {@code factors}) as doubles. */
    void row(int row, double[] target) {
        int offset = row * factors;
        for (int k = 0; k < factors; k++) {
            target[k] = values[offset + k];
        }
    }

    /** Stores {@code source} (length {@code factors}) as row {@code row}. */
    void setRow(int row, double[] source) {
        int offset = row * factors;
        for (int k = 0; k < factors; k++) {
            values[offset + k] = (float) source[k];
        }
    }

    /** The dot product of row {@code row} with a vector of length {@code factors}. */
    double dot(int row, double[] vector) {
        int offset = row * factors;
        double sum = 0;
        for (int k = 0; k < factors; k++) {
            sum += values[offset + k] * vector[k];
        }
        return sum;
    }

    /** The dot product of two rows. */
    double dot(int row, int other) {
        int a = row * factors;
        int b = other * factors;
        double sum = 0;
        for (int k = 0; k < factors; k++) {
            sum += (double) values[a + k] * values[b + k];
        }
        return sum;
    }

    /** {@code target += weight * row}. */
    void addRowTo(int row, double weight, double[] target) {
        int offset = row * factors;
        for (int k = 0; k < factors; k++) {
            target[k] += weight * values[offset + k];
        }
    }

    /**
     * Adds {@code weight * row rowᵀ} to the lower triangle of a {@code factors x factors} matrix; callers mirror it
     * once with {@link #mirrorLower} after the last row.
     */
    void addOuterToLower(int row, double weight, double[] matrix) {
        int offset = row * factors;
        for (int a = 0; a < factors; a++) {
            double wa = weight * values[offset + a];
            int line = a * factors;
            for (int b = 0; b <= a; b++) {
                matrix[line + b] += wa * values[offset + b];
            }
        }
    }

    /** Scores every row against a vector: {@code scores[r] = row r · vector}. */
    void multiply(double[] vector, float[] scores) {
        for (int r = 0; r < rows; r++) {
            scores[r] = (float) dot(r, vector);
        }
    }

    /**
     * The Gram matrix {@code XᵀX} ({@code factors x factors}, row-major, in doubles). Rows are summed in fixed
     * blocks of {@link #GRAM_BLOCK}, the blocks in order, so the result is bit-identical whatever the number of
     * threads.
     */
    double[] gram(FactorThreads threads) {
        int blocks = (rows + GRAM_BLOCK - 1) / GRAM_BLOCK;
        double[][] partial = new double[blocks][];
        threads.forEach(blocks, block -> {
            double[] sum = new double[factors * factors];
            int end = Math.min(rows, (block + 1) * GRAM_BLOCK);
            for (int r = block * GRAM_BLOCK; r < end; r++) {
                int offset = r * factors;
                for (int a = 0; a < factors; a++) {
                    double va = values[offset + a];
                    int line = a * factors;
                    for (int b = 0; b <= a; b++) {
                        sum[line + b] += va * values[offset + b];
                    }
                }
            }
            partial[block] = sum;
        });
        double[] gram = new double[factors * factors];
        for (double[] sum : partial) {
            for (int k = 0; k < gram.length; k++) {
                gram[k] += sum[k];
            }
        }
        mirrorLower(gram, factors);
        return gram;
    }

    /** Copies the lower triangle of a square row-major matrix onto its upper triangle. */
    static void mirrorLower(double[] matrix, int n) {
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                matrix[a * n + b] = matrix[b * n + a];
            }
        }
    }

    /** Writes the number of factors and every value's bits, as {@link #read} reads them back. */
    void write(ModelOutput out) throws IOException {
        out.writeInt(factors);
        out.writeFloats(values);
    }

    /** Reads a matrix of {@code rows} rows that {@link #write} wrote. */
    static DenseFactors read(ModelInput in, int rows) throws IOException {
        int factors = in.readInt();
        if (factors < 1 || (long) rows * factors * Float.BYTES > in.remaining()) {
            throw in.corrupt(factors + " factors for " + rows + " rows do not fit in the " + in.remaining()
                    + " bytes left");
        }
        DenseFactors matrix = new DenseFactors(rows, factors);
        float[] values = in.readFloats(matrix.values.length);
        System.arraycopy(values, 0, matrix.values, 0, values.length);
        return matrix;
    }

    /** A copy of the values (for tests). */
    float[] copyOfValues() {
        return Arrays.copyOf(values, values.length);
    }
}
