package org.finrec.recommender.cf.internal;

/** How two customers (user kNN) or two products (item kNN) are compared on binary feedback. */
enum Similarity {
    /** {@code |A ∩ B| / sqrt(|A| |B|)}. */
    COSINE,
    /** Pearson correlation of the two 0/1 vectors over all columns. */
    PEARSON,
    /** {@code 1 / (1 + euclidean distance)} of the two 0/1 vectors, as on the bank's slide. */
    EUCLIDEAN,
    /** Item kNN only: cosine of the columns after subtracting each customer's mean (Sarwar et al. 2001). */
    ADJUSTED_COSINE
}
