package org.finrec.recommender.cf.internal;

/**
 * Similarities of two binary vectors computed from counts, so that the kNN models stay sparse: {@code a} and
 * {@code b} are the numbers of ones of the two vectors, {@code c} the number of positions where both are one,
 * {@code n} the dimension (products for customers, customers for products).
 *
 * <p>A vector with no ones has no similarity to anything: every measure returns 0 when {@code a} or {@code b} is
 * 0 (Euclidean would otherwise call an empty customer close to every sparse one). Undefined values (a zero
 * variance, a zero norm) are 0 too, so no measure ever returns {@code NaN}. Cosine and Pearson divide by the
 * product of two per-vector norms ({@code sqrt(a) sqrt(b)}, {@link #pearsonNorm}), so that a model that
 * precomputes the norms gets bit-identical similarities (and so identical tie-breaks).
 *
 * <p>Adjusted cosine (Sarwar et al. 2001) is cosine after subtracting each customer's mean from their row. On a
 * binary row of {@code r_u} ones over {@code n} products the centred values are {@code 1 - m_u} (held) and
 * {@code -m_u} (not held), with {@code m_u = r_u / n}; zeros count, otherwise every pair of co-held products
 * would have similarity 1. With {@code h_ui} in {0, 1}:
 *
 * <pre>
 *   sum_u (h_ui - m_u)(h_uj - m_u) = c_ij - M_i - M_j + S
 *   sum_u (h_ui - m_u)^2           = n_i - 2 M_i + S
 *   where M_i = sum over the holders u of i of m_u,   S = sum over all customers u of m_u^2
 * </pre>
 *
 * (expand the product; {@code h^2 = h}). Only the co-occurrence count {@code c_ij} needs the data, and
 * {@code M_i}, {@code S} are computed once, so the measure costs what cosine costs. Note that it is not sparse in
 * value: two rarely held products that are never held together still have {@code S - M_i - M_j > 0}.
 */
final class NeighbourhoodSimilarity {

    private NeighbourhoodSimilarity() {
    }

    /** {@code c / sqrt(a b)}. */
    static double cosine(int a, int b, int c) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return c / (Math.sqrt(a) * Math.sqrt(b));
    }

    /** Pearson correlation of two 0/1 vectors over all {@code n} positions: {@code (n c - a b) / sqrt(a (n-a) b (n-b))}. */
    static double pearson(int n, int a, int b, int c) {
        if (a == 0 || b == 0) {
            return 0;
        }
        double norms = pearsonNorm(n, a) * pearsonNorm(n, b);
        if (!(norms > 0)) {
            return 0;
        }
        return ((double) n * c - (double) a * b) / norms;
    }

    /** {@code sqrt(a (n - a))}: the part of Pearson's denominator that belongs to one vector. */
    static double pearsonNorm(int n, int a) {
        return Math.sqrt((double) a * (n - a));
    }

    /** {@code 1 / (1 + sqrt(a + b - 2c))}: the Euclidean distance of two 0/1 vectors turned into a similarity. */
    static double euclidean(int a, int b, int c) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return 1 / (1 + Math.sqrt((double) a + b - 2.0 * c));
    }

    /**
     * Adjusted cosine from counts (see the class comment).
     *
     * @param a holders of the first product
     * @param b holders of the second product
     * @param c holders of both
     * @param meanSumA {@code M} of the first product: the sum of its holders' row means
     * @param meanSumB {@code M} of the second product
     * @param meanSquares {@code S}: the sum over all customers of their squared row means
     */
    static double adjustedCosine(int a, int b, int c, double meanSumA, double meanSumB, double meanSquares) {
        if (a == 0 || b == 0) {
            return 0;
        }
        double normA = a - 2 * meanSumA + meanSquares;
        double normB = b - 2 * meanSumB + meanSquares;
        // a norm is 0 only when every customer holds all products or none; allow for rounding
        if (!(normA > 1e-12 * (a + meanSquares)) || !(normB > 1e-12 * (b + meanSquares))) {
            return 0;
        }
        return (c - meanSumA - meanSumB + meanSquares) / Math.sqrt(normA * normB);
    }

    /**
     * The similarity of two vectors by a measure that needs only counts (all but adjusted cosine).
     *
     * @throws IllegalArgumentException for {@link Similarity#ADJUSTED_COSINE}
     */
    static double of(Similarity similarity, int n, int a, int b, int c) {
        switch (similarity) {
            case COSINE:
                return cosine(a, b, c);
            case PEARSON:
                return pearson(n, a, b, c);
            case EUCLIDEAN:
                return euclidean(a, b, c);
            default:
                throw new IllegalArgumentException(similarity + " needs row means; use adjustedCosine");
        }
    }
}
