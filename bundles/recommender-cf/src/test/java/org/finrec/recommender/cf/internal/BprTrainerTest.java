package org.finrec.recommender.cf.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.junit.jupiter.api.Test;

class BprTrainerTest {

    private static final int BLOCKS = 3;
    private static final int PER_BLOCK = 20;
    private static final int ITEMS_PER_BLOCK = 8;
    private static final int[][] ROWS = AlsBprFixtures.blockRows(BLOCKS, PER_BLOCK, ITEMS_PER_BLOCK, 0.5, 23);
    /** One factor per block: with more, BPR fits each customer's own pattern within the block on data this small. */
    private static final int FACTORS = BLOCKS;
    private static final Dataset BLOCKS_DATA = AlsBprFixtures.dataset(BLOCKS * ITEMS_PER_BLOCK, ROWS);

    private static CfSettings settings(long seed) {
        return AlsBprFixtures.settings(Algorithm.BPR, FACTORS, 1, 0.02, 1, 0.1, 100, seed, 2);
    }

    private static BprModel train(CfSettings settings, BprModel.FoldIn foldIn) {
        return new BprTrainer(settings, foldIn).train(BLOCKS_DATA, ProgressListener.NONE);
    }

    private static float[] scores(CfModel model, int user, int[] positive) {
        float[] scores = new float[model.matrix().items()];
        model.score(user, positive, scores);
        return scores;
    }

    private static boolean contains(int[] sorted, int item) {
        return Arrays.binarySearch(sorted, item) >= 0;
    }

    /** The fraction of (own-block unheld, other-block) pairs that the scores order correctly. */
    private static double blockAuc(float[] scores, int block, int[] held) {
        int right = 0;
        int pairs = 0;
        for (int i = block * ITEMS_PER_BLOCK; i < (block + 1) * ITEMS_PER_BLOCK; i++) {
            if (contains(held, i)) {
                continue;
            }
            for (int j = 0; j < scores.length; j++) {
                if (j / ITEMS_PER_BLOCK != block) {
                    pairs++;
                    right += scores[i] > scores[j] ? 1 : 0;
                }
            }
        }
        return pairs == 0 ? 1 : (double) right / pairs;
    }

    @Test
    void ranksWhatSimilarCustomersHoldFirst() {
        BprModel model = train(settings(42), BprModel.FoldIn.SGD);
        double total = 0;
        for (int c = 0; c < ROWS.length; c++) {
            float[] scores = scores(model, c, ROWS[c]);
            double auc = blockAuc(scores, c / PER_BLOCK, ROWS[c]);
            total += auc;
            assertTrue(auc >= 0.95, "customer " + c + ": " + auc);
            int best = -1;
            for (int i = 0; i < scores.length; i++) {
                if (!contains(ROWS[c], i) && (best < 0 || scores[i] > scores[best])) {
                    best = i;
                }
            }
            if (ROWS[c].length < ITEMS_PER_BLOCK) {
                assertEquals(c / PER_BLOCK, best / ITEMS_PER_BLOCK, "customer " + c + "'s first product");
            }
        }
        assertTrue(total / ROWS.length > 0.99, "mean " + total / ROWS.length);
    }

    @Test
    void foldsInAnUnknownCustomerEitherWay() {
        int[] held = {ITEMS_PER_BLOCK, ITEMS_PER_BLOCK + 2, ITEMS_PER_BLOCK + 5};
        for (BprModel.FoldIn foldIn : BprModel.FoldIn.values()) {
            BprModel model = train(settings(42), foldIn);
            assertEquals(1.0, blockAuc(scores(model, -1, held), 1, held), 1e-9, foldIn.name());
        }
    }

    @Test
    void aKnownCustomerWithNewProductsIsFoldedIn() {
        BprModel model = train(settings(42), BprModel.FoldIn.SGD);
        int[] more = Arrays.copyOf(ROWS[0], ROWS[0].length + 1);
        more[more.length - 1] = 2 * ITEMS_PER_BLOCK; // a product of another block
        Arrays.sort(more);
        assertArrayEquals(model.vector(-1, more), model.vector(0, more));
        double[] learned = new double[FACTORS];
        model.users().row(0, learned);
        assertArrayEquals(learned, model.vector(0, ROWS[0]));
    }

    @Test
    void explanationsAddUpToTheScore() {
        for (BprModel.FoldIn foldIn : BprModel.FoldIn.values()) {
            BprModel model = train(settings(42), foldIn);
            int[][] customers = {ROWS[0], {1, 4, 9}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, ROWS[30], {23}};
            int[] users = {0, -1, -1, 30, 5};
            for (int k = 0; k < customers.length; k++) {
                float[] scores = scores(model, users[k], customers[k]);
                for (int i = 0; i < scores.length; i++) {
                    List<Reason> reasons = model.explain(users[k], customers[k], i, scores[i]);
                    assertEquals(scores[i], AlsBprFixtures.sum(reasons), 1e-4 * Math.max(1, Math.abs(scores[i])),
                            foldIn + ", customer " + k + ", product " + i);
                    assertEquals(1, reasons.stream().filter(r -> r.code().equals(ReasonCodes.POPULAR_OVERALL))
                            .count());
                    assertEquals(model.bias(i), reasons.stream()
                            .filter(r -> r.code().equals(ReasonCodes.POPULAR_OVERALL)).findFirst().orElseThrow()
                            .contribution(), 0.0);
                    for (int r = 1; r < reasons.size(); r++) {
                        assertTrue(reasons.get(r - 1).contribution() >= reasons.get(r).contribution());
                    }
                }
            }
        }
    }

    @Test
    void theMeanFoldInExplainsPerHeldProduct() {
        BprModel model = train(settings(42), BprModel.FoldIn.MEAN);
        int[] held = {1, 4, 9, 10, 12};
        float[] scores = scores(model, -1, held);
        List<Reason> reasons = model.explain(-1, held, 2, scores[2]);
        assertEquals(FactorReasons.NAMED + 2, reasons.size()); // 3 named, the other 2, the bias
        double oneProduct = model.items().dot(1, 2) / held.length;
        assertTrue(reasons.stream().anyMatch(r -> r.message().startsWith("Customers who have Product 1 ")
                && Math.abs(r.contribution() - oneProduct) < 1e-9 || !r.message().contains("have Product 1 ")));
    }

    @Test
    void theLearnedVectorIsExplainedByTheBestAlignedHeldProducts() {
        BprModel model = train(settings(42), BprModel.FoldIn.SGD);
        float[] scores = scores(model, 0, ROWS[0]);
        int item = 7;
        List<Reason> reasons = model.explain(0, ROWS[0], item, scores[item]);
        assertEquals(2, reasons.size());
        Reason latent = reasons.stream().filter(r -> r.code().equals(ReasonCodes.LATENT_FACTOR_MATCH)).findFirst()
                .orElseThrow();
        int best = ROWS[0][0];
        for (int j : ROWS[0]) {
            best = model.items().dot(j, item) > model.items().dot(best, item) ? j : best;
        }
        assertTrue(latent.message().contains("Product " + best), latent.message());
    }

    @Test
    void aCustomerWithNoProductsGetsNoOpinion() {
        BprModel model = train(settings(42), BprModel.FoldIn.SGD);
        for (float score : scores(model, -1, new int[0])) {
            assertTrue(Float.isNaN(score));
        }
        assertTrue(model.explain(-1, new int[0], 0, Double.NaN).isEmpty());
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        BprModel one = train(settings(42), BprModel.FoldIn.SGD);
        BprModel again = train(settings(42), BprModel.FoldIn.SGD);
        assertTrue(one.version().matches("[0-9a-f]{64}"), one.version());
        assertEquals(one.version(), again.version());
        assertArrayEquals(one.users().copyOfValues(), again.users().copyOfValues());
        assertArrayEquals(one.items().copyOfValues(), again.items().copyOfValues());
        assertArrayEquals(scores(one, -1, new int[] {3, 4}), scores(again, -1, new int[] {3, 4}));
        assertNotEquals(one.version(), train(settings(7), BprModel.FoldIn.SGD).version());
        CfSettings oneThread = AlsBprFixtures.settings(Algorithm.BPR, FACTORS, 1, 0.02, 1, 0.1, 100, 42, 1);
        assertEquals(one.version(), train(oneThread, BprModel.FoldIn.SGD).version());
    }

    @Test
    void foldInIsTheSameWhateverCameBefore() {
        BprModel model = train(settings(42), BprModel.FoldIn.SGD);
        float[] first = scores(model, -1, new int[] {3, 4});
        scores(model, -1, new int[] {17});
        assertArrayEquals(first, scores(model, -1, new int[] {3, 4}));
    }

    @Test
    void trainsThroughTheAlgorithm() {
        CfModel model = Algorithm.BPR.trainer(settings(42)).train(BLOCKS_DATA, ProgressListener.NONE);
        assertTrue(model instanceof BprModel);
    }
}
