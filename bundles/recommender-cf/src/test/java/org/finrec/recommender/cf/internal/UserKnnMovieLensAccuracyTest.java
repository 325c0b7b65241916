package org.finrec.recommender.cf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.finrec.api.data.ProgressListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * User kNN on MovieLens 100K, implicit, per-user random 80/20 split (protocol in {@link KnnMovieLens}), top-10
 * over all movies not in the user's training items; pins P@10, R@10 and NDCG@10 within 0.003. The strongest JVM
 * peers reach NDCG@10 about 0.39 with user cosine kNN, k = 50. Skips, naming the path, when
 * {@code ../shared/data/movielens-100k} (next to the project root) is absent.
 */
class UserKnnMovieLensAccuracyTest {

    private static final double TOLERANCE = 0.003;

    private static KnnMovieLens movieLens;

    /** Loaded once; each test skips, naming the path, when the file is absent (visible in the test counts). */
    private static synchronized KnnMovieLens movieLens() {
        if (movieLens == null) {
            movieLens = KnnMovieLens.load();
        }
        return movieLens;
    }

    @ParameterizedTest(name = "{0} k={1}")
    @CsvSource({
        "COSINE, 50, 0.3286, 0.2162, 0.3921",
        "PEARSON, 50, 0.3335, 0.2169, 0.3969",
        "EUCLIDEAN, 50, 0.2809, 0.1778, 0.3371",
        "EUCLIDEAN, 30, 0.2896, 0.1817, 0.3492",
    })
    void topTen(Similarity similarity, int neighbours, double precision, double recall, double ndcg) {
        CfModel model = new UserKnnTrainer(KnnTestData.settings(Algorithm.USER_KNN, similarity, neighbours, 2))
                .train(movieLens().train, ProgressListener.NONE);
        KnnMovieLens.Result result = movieLens().evaluate(model);
        System.out.println("movielens-100k user kNN " + similarity + " k=" + neighbours + ": " + result);
        assertEquals(943, result.users());
        assertEquals(precision, result.precision(), TOLERANCE, "P@10");
        assertEquals(recall, result.recall(), TOLERANCE, "R@10");
        assertEquals(ndcg, result.ndcg(), TOLERANCE, "NDCG@10");
    }
}
