package org.finrec.recommender.cf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.recommend.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ALS and BPR on MovieLens 100K, every rating an implicit positive, per-user random 80/20 split, top 10 over every
 * movie not in the user's training items (the protocol, exactly, in {@link AlsBprMovieLens}); pins P@10, R@10 and
 * NDCG@10 within {@value #TOLERANCE}. The strongest JVM peers reach NDCG@10 of about 0.42 with BPR and 50 factors.
 * Skips, naming the path, when {@code ../shared/data/movielens-100k} (next to the project root) is absent.
 */
class AlsBprMovieLensAccuracyTest {

    private static final double TOLERANCE = 0.005;

    private static AlsBprMovieLens.Split split;

    @BeforeAll
    static void load() throws IOException {
        assumeTrue(Files.isRegularFile(AlsBprMovieLens.DATA),
                "skipped: " + AlsBprMovieLens.DATA.toAbsolutePath().normalize() + " not found");
        split = AlsBprMovieLens.split(AlsBprMovieLens.DATA);
    }

    private static void assertAccuracy(String what, AlsBprMovieLens.Accuracy accuracy, double precision,
            double recall, double ndcg) {
        System.out.println("movielens-100k " + what + ": " + accuracy);
        assertEquals(943, accuracy.users());
        assertEquals(precision, accuracy.precision(), TOLERANCE, what + " P@10");
        assertEquals(recall, accuracy.recall(), TOLERANCE, what + " R@10");
        assertEquals(ndcg, accuracy.ndcg(), TOLERANCE, what + " NDCG@10");
    }

    /** Every customer scored as if unknown to the model: folded in from their training row. */
    private static CfModel asUnknownCustomers(CfModel model) {
        return new CfModel() {
            @Override
            public String version() {
                return model.version();
            }

            @Override
            public Algorithm algorithm() {
                return model.algorithm();
            }

            @Override
            public FeedbackMatrix matrix() {
                return model.matrix();
            }

            @Override
            public Explainer score(int knownUser, int[] positiveItems, float[] scores) {
                return model.score(-1, positiveItems, scores);
            }

            @Override
            public List<Reason> explain(int knownUser, int[] positiveItems, int item, double score) {
                return model.explain(-1, positiveItems, item, score);
            }
        };
    }

    @Test
    void als() {
        // 50 factors, 15 sweeps, lambda 0.15 per entry, alpha 1
        CfSettings settings = AlsBprFixtures.settings(Algorithm.ALS, 50, 15, 0.15, 1, 0.1, 1, 42, 2);
        CfModel model = new AlsTrainer(settings).train(split.train(), ProgressListener.NONE);
        assertAccuracy("ALS", AlsBprMovieLens.evaluate(model, split, 10), 0.3738, 0.2468, 0.4470);
    }

    @Test
    void bpr() {
        // 50 factors, 150 epochs, regularisation 0.02, learning rate 0.1 decaying linearly
        CfSettings settings = AlsBprFixtures.settings(Algorithm.BPR, 50, 1, 0.02, 1, 0.1, 150, 42, 2);
        CfModel model = new BprTrainer(settings).train(split.train(), ProgressListener.NONE);
        assertAccuracy("BPR", AlsBprMovieLens.evaluate(model, split, 10), 0.3587, 0.2320, 0.4247);
        assertAccuracy("BPR folded in", AlsBprMovieLens.evaluate(asUnknownCustomers(model), split, 10), 0.3557,
                0.2317, 0.4223);
    }
}
