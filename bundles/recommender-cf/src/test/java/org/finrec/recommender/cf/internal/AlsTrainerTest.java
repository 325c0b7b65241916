package org.finrec.recommender.cf.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.junit.jupiter.api.Test;

class AlsTrainerTest {

    private static final int BLOCKS = 3;
    private static final int PER_BLOCK = 15;
    private static final int ITEMS_PER_BLOCK = 8;
    private static final int[][] ROWS = AlsBprFixtures.blockRows(BLOCKS, PER_BLOCK, ITEMS_PER_BLOCK, 0.5, 17);
    private static final Dataset BLOCKS_DATA = AlsBprFixtures.dataset(BLOCKS * ITEMS_PER_BLOCK, ROWS);

    private static CfSettings settings(int factors, int iterations, long seed, int threads) {
        return AlsBprFixtures.settings(Algorithm.ALS, factors, iterations, 0.15, 1, 0.05, 1, seed, threads);
    }

    private static AlsModel train(CfSettings settings) {
        return new AlsTrainer(settings).train(BLOCKS_DATA, ProgressListener.NONE);
    }

    private static float[] scores(CfModel model, int user, int[] positive) {
        float[] scores = new float[model.matrix().items()];
        model.score(user, positive, scores);
        return scores;
    }

    private static boolean contains(int[] sorted, int item) {
        return java.util.Arrays.binarySearch(sorted, item) >= 0;
    }

    /** One factor per block: with more, ALS fits each customer's own pattern within the block on data this small. */
    @Test
    void recoversTheBlocks() {
        AlsModel model = train(settings(BLOCKS, 15, 42, 2));
        for (int c = 0; c < ROWS.length; c++) {
            int block = c / PER_BLOCK;
            float[] scores = scores(model, c, ROWS[c]);
            float worstOwn = Float.POSITIVE_INFINITY;
            float bestOther = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < scores.length; i++) {
                if (i / ITEMS_PER_BLOCK == block) {
                    if (!contains(ROWS[c], i)) {
                        worstOwn = Math.min(worstOwn, scores[i]);
                    }
                } else {
                    bestOther = Math.max(bestOther, scores[i]);
                }
            }
            if (worstOwn != Float.POSITIVE_INFINITY) {
                assertTrue(worstOwn > bestOther, "customer " + c + ": own block " + worstOwn + " vs other "
                        + bestOther);
            }
        }
    }

    @Test
    void anUnknownCustomerIsFoldedInFromTheirProducts() {
        AlsModel model = train(settings(BLOCKS, 15, 42, 2));
        int[] held = {2 * ITEMS_PER_BLOCK, 2 * ITEMS_PER_BLOCK + 3};
        float[] scores = scores(model, -1, held);
        for (int i = 2 * ITEMS_PER_BLOCK; i < 3 * ITEMS_PER_BLOCK; i++) {
            for (int j = 0; j < 2 * ITEMS_PER_BLOCK; j++) {
                if (!contains(held, i)) {
                    assertTrue(scores[i] > scores[j], "product " + i + " of the block above " + j);
                }
            }
        }
    }

    @Test
    void foldInSolvesTheTrainingEquationExactly() {
        AlsModel model = train(settings(6, 10, 42, 2));
        int[] held = {0, 5, 9, 20};
        double[] x = model.vector(held);
        DenseFactors y = model.items();
        int f = y.factors();
        double confidence = 2; // 1 + alpha
        double lambda = 0.15 * held.length; // per entry
        for (int a = 0; a < f; a++) {
            double lhs = lambda * x[a];
            for (int i = 0; i < y.rows(); i++) {
                double c = contains(held, i) ? confidence : 1;
                lhs += c * y.values()[i * f + a] * y.dot(i, x);
            }
            double rhs = 0;
            for (int j : held) {
                rhs += confidence * y.values()[j * f + a];
            }
            assertEquals(rhs, lhs, 1e-5, "row " + a + " of (YᵀCY + λI) x = YᵀCp");
        }
    }

    @Test
    void foldInOfATrainingRowIsTheLearnedVectorWhenConverged() {
        AlsTrainer trainer = new AlsTrainer(settings(5, 200, 42, 2));
        AlsTrainer.Factors factors = trainer.fit(BLOCKS_DATA, ProgressListener.NONE);
        AlsModel model = trainer.train(BLOCKS_DATA, ProgressListener.NONE);
        double[] learned = new double[5];
        for (int c = 0; c < ROWS.length; c++) {
            factors.users().row(c, learned);
            assertArrayEquals(learned, model.vector(ROWS[c]), 1e-3, "customer " + c);
        }
    }

    @Test
    void explanationsAddUpToTheScoreForKnownAndUnknownCustomers() {
        AlsModel model = train(settings(8, 15, 42, 2));
        int[][] customers = {ROWS[0], {1, 4, 9}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, ROWS[20], {23}};
        int[] users = {0, -1, -1, 20, -1};
        for (int k = 0; k < customers.length; k++) {
            float[] scores = scores(model, users[k], customers[k]);
            for (int i = 0; i < scores.length; i++) {
                List<Reason> reasons = model.explain(users[k], customers[k], i, scores[i]);
                assertEquals(scores[i], AlsBprFixtures.sum(reasons), 1e-4 * Math.max(1, Math.abs(scores[i])),
                        "customer " + k + ", product " + i);
                assertTrue(reasons.size() <= FactorReasons.NAMED + 1);
                assertEquals(Math.min(customers[k].length, FactorReasons.NAMED + 1), reasons.size());
                for (Reason reason : reasons) {
                    assertEquals(ReasonCodes.LATENT_FACTOR_MATCH, reason.code());
                    assertTrue(reason.message().contains("Product " + i), reason.message());
                }
            }
        }
        // the named products are the customer's, the largest contribution first
        List<Reason> reasons = model.explain(-1, new int[] {1, 4, 9}, 2, scores(model, -1, new int[] {1, 4, 9})[2]);
        assertTrue(reasons.get(0).contribution() >= reasons.get(1).contribution());
        assertTrue(reasons.get(0).message().startsWith("Customers who have Product "), reasons.get(0).message());
    }

    @Test
    void aCustomerWithNoProductsGetsNoOpinion() {
        AlsModel model = train(settings(4, 3, 42, 1));
        for (float score : scores(model, -1, new int[0])) {
            assertTrue(Float.isNaN(score));
        }
        assertTrue(model.explain(-1, new int[0], 0, Double.NaN).isEmpty());
    }

    @Test
    void theSameSeedGivesTheSameModelWhateverTheThreads() {
        AlsModel one = train(settings(8, 5, 42, 1));
        AlsModel three = train(settings(8, 5, 42, 3));
        AlsModel again = train(settings(8, 5, 42, 1));
        assertTrue(one.version().matches("[0-9a-f]{64}"), one.version());
        assertEquals(one.version(), three.version());
        assertEquals(one.version(), again.version());
        assertArrayEquals(one.items().copyOfValues(), three.items().copyOfValues());
        assertArrayEquals(scores(one, -1, new int[] {1, 2}), scores(three, -1, new int[] {1, 2}));
        assertNotEquals(one.version(), train(settings(8, 5, 43, 1)).version());
    }

    @Test
    void manyRowsInParallelBlocksGiveTheSameFactorsAsOneThread() {
        int[][] rows = AlsBprFixtures.blockRows(4, 300, 10, 0.3, 5); // 1,200 customers: several row blocks
        Dataset data = AlsBprFixtures.dataset(40, rows);
        AlsTrainer.Factors one = new AlsTrainer(settings(6, 3, 1, 1)).fit(data, ProgressListener.NONE);
        AlsTrainer.Factors two = new AlsTrainer(settings(6, 3, 1, 2)).fit(data, ProgressListener.NONE);
        AlsTrainer.Factors three = new AlsTrainer(settings(6, 3, 1, 3)).fit(data, ProgressListener.NONE);
        assertArrayEquals(one.users().copyOfValues(), two.users().copyOfValues());
        assertArrayEquals(one.users().copyOfValues(), three.users().copyOfValues());
        assertArrayEquals(one.items().copyOfValues(), three.items().copyOfValues());
        assertArrayEquals(one.itemGram(), three.itemGram(), 0.0);
    }

    @Test
    void trainsThroughTheAlgorithmAndReportsProgress() {
        java.util.List<Long> done = new java.util.ArrayList<>();
        CfModel model = Algorithm.ALS.trainer(settings(4, 4, 42, 2)).train(BLOCKS_DATA,
                (step, d, total) -> done.add(d));
        assertTrue(model instanceof AlsModel);
        assertEquals(List.of(1L, 2L, 3L, 4L), done);
    }

    @Test
    void zeroRegularisationStillGivesFiniteScores() {
        CfSettings settings = AlsBprFixtures.settings(Algorithm.ALS, 30, 5, 0, 1, 0.05, 1, 42, 2);
        AlsModel model = new AlsTrainer(settings).train(BLOCKS_DATA, ProgressListener.NONE);
        for (float score : scores(model, -1, new int[] {0, 1})) {
            assertTrue(Float.isFinite(score));
        }
    }

    @Test
    void plainLambdaIsAlsoSupported() {
        AlsModel model = new AlsTrainer(settings(BLOCKS, 15, 42, 2), false, AlsTrainer.CG_STEPS).train(BLOCKS_DATA,
                ProgressListener.NONE);
        float[] scores = scores(model, -1, new int[] {0, 1});
        List<Reason> reasons = model.explain(-1, new int[] {0, 1}, 2, scores[2]);
        assertEquals(scores[2], AlsBprFixtures.sum(reasons), 1e-4);
        assertTrue(scores[2] > scores[ITEMS_PER_BLOCK + 2]);
    }
}
