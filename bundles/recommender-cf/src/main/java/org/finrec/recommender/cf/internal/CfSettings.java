package org.finrec.recommender.cf.internal;

import java.util.Set;
import org.finrec.api.InteractionKind;

/**
 * The hyper-parameters of every algorithm, as plain values so that trainers can be built without a component.
 *
 * @param algorithm the algorithm
 * @param similarity the similarity (kNN)
 * @param neighbours neighbourhood size (kNN), 1 or more
 * @param factors latent factors (ALS, BPR), 1 or more
 * @param iterations alternating sweeps (ALS), 1 or more
 * @param regularization L2 regularisation (ALS, BPR), 0 or more
 * @param alpha confidence weight of a positive entry (ALS: {@code c = 1 + alpha})
 * @param learningRate step size (BPR)
 * @param epochs passes over the positive entries (BPR)
 * @param seed random seed (ALS initialisation, BPR sampling)
 * @param threads training threads, 1 or more
 * @param positiveKinds interaction kinds that count as positive feedback (besides holdings)
 */
record CfSettings(Algorithm algorithm, Similarity similarity, int neighbours, int factors, int iterations,
        double regularization, double alpha, double learningRate, int epochs, long seed, int threads,
        Set<InteractionKind> positiveKinds) {

    CfSettings {
        if (neighbours < 1 || factors < 1 || iterations < 1 || epochs < 1 || threads < 1) {
            throw new IllegalArgumentException("neighbours, factors, iterations, epochs and threads must be >= 1");
        }
        if (!(regularization >= 0) || !(alpha >= 0) || !(learningRate > 0)) {
            throw new IllegalArgumentException("regularization and alpha must be >= 0 and learning rate > 0");
        }
        positiveKinds = Set.copyOf(positiveKinds);
    }

    /** The regularisation an algorithm uses unless configured: tuned on MovieLens 100K (see the README). */
    static double defaultRegularization(Algorithm algorithm) {
        return algorithm == Algorithm.BPR ? 0.02 : 0.15;
    }

    /** The component's defaults: cosine, 50 neighbours, 50 factors, 15 sweeps, alpha 1, 100 epochs at rate 0.1. */
    static CfSettings defaults(Algorithm algorithm) {
        return new CfSettings(algorithm, Similarity.COSINE, 50, 50, 15, defaultRegularization(algorithm), 1, 0.1, 100,
                42, 2, Set.of(InteractionKind.PURCHASE, InteractionKind.HOLD));
    }

    /** User kNN's settings; the others keep {@link #defaults} (they never shape a user-kNN model). */
    static CfSettings userKnn(Similarity similarity, int neighbours, Set<InteractionKind> positiveKinds) {
        CfSettings d = defaults(Algorithm.USER_KNN);
        return new CfSettings(Algorithm.USER_KNN, similarity, neighbours, d.factors, d.iterations, d.regularization,
                d.alpha, d.learningRate, d.epochs, d.seed, 1, positiveKinds);
    }

    /** Item kNN's settings; the others keep {@link #defaults}. */
    static CfSettings itemKnn(Similarity similarity, int neighbours, int threads, Set<InteractionKind> positiveKinds) {
        return userKnn(similarity, neighbours, positiveKinds).as(Algorithm.ITEM_KNN, threads);
    }

    /** Implicit ALS's settings; the others keep {@link #defaults}. */
    static CfSettings als(int factors, int iterations, double regularization, double alpha, long seed, int threads,
            Set<InteractionKind> positiveKinds) {
        CfSettings d = defaults(Algorithm.ALS);
        return new CfSettings(Algorithm.ALS, d.similarity, d.neighbours, factors, iterations, regularization, alpha,
                d.learningRate, d.epochs, seed, threads, positiveKinds);
    }

    /** BPR's settings; the others keep {@link #defaults}. */
    static CfSettings bpr(int factors, int epochs, double learningRate, double regularization, long seed,
            Set<InteractionKind> positiveKinds) {
        CfSettings d = defaults(Algorithm.BPR);
        return new CfSettings(Algorithm.BPR, d.similarity, d.neighbours, factors, d.iterations, regularization, d.alpha,
                learningRate, epochs, seed, 1, positiveKinds);
    }

    private CfSettings as(Algorithm newAlgorithm, int newThreads) {
        return new CfSettings(newAlgorithm, similarity, neighbours, factors, iterations, regularization, alpha,
                learningRate, epochs, seed, newThreads, positiveKinds);
    }

    /** The same settings with another number of threads (which never changes the model trained). */
    CfSettings withThreads(int newThreads) {
        return as(algorithm, newThreads);
    }

    CfSettings with(Similarity newSimilarity) {
        return new CfSettings(algorithm, newSimilarity, neighbours, factors, iterations, regularization, alpha,
                learningRate, epochs, seed, threads, positiveKinds);
    }
}
