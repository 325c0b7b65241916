package org.finrec.recommender.cf.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.finrec.api.spi.ProductListScoring;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.RecommendationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Item kNN on the 4 x 5 example of {@link KnnTestData#EXAMPLE} (columns p0 {u0,u1,u3}, p1 {u0,u2,u3}, p2 {u2},
 * p3 = p0, p4 {u1,u3}), neighbourhoods and scores worked out by hand (pair similarities in
 * {@link SimilarityTest}), and its contract on random data.
 */
class ItemKnnModelTest {

    private static final double EPS = 1e-5;
    private static final double COS_04 = 2 / Math.sqrt(6); // 0.816497
    private static final double COS_12 = 1 / Math.sqrt(3); // 0.577350

    private static ItemKnnModel train(Dataset data, Similarity similarity, int k, int threads, ItemKnnModel.Rule rule) {
        return new ItemKnnTrainer(KnnTestData.settings(Algorithm.ITEM_KNN, similarity, k, threads), rule).train(data,
                ProgressListener.NONE);
    }

    private static ItemKnnModel train(Similarity similarity, int k) {
        return train(KnnTestData.example(), similarity, k, 1, ItemKnnModel.Rule.DEFAULT);
    }

    private static float[] score(CfModel model, int user, int... items) {
        float[] scores = new float[model.matrix().items()];
        model.score(user, items, scores);
        return scores;
    }

    private static void assertScores(double[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], EPS, "product p" + i);
        }
    }

    private static void assertNeighbours(ItemKnnModel model, int item, int[] ids, double... sims) {
        assertArrayEquals(ids, model.neighboursOf(item), "neighbours of p" + item);
        float[] actual = model.similaritiesOf(item);
        for (int k = 0; k < sims.length; k++) {
            assertEquals(sims[k], actual[k], EPS, "similarity of p" + item + " to p" + ids[k]);
        }
    }

    @Test
    void cosineNeighbourhoods() {
        ItemKnnModel model = train(Similarity.COSINE, 2);
        assertNeighbours(model, 0, new int[] {3, 4}, 1, COS_04);
        assertNeighbours(model, 1, new int[] {0, 3}, 2.0 / 3, 2.0 / 3); // tie with p3 at 2/3: lower index first
        assertNeighbours(model, 2, new int[] {1}, COS_12); // only p1 shares a holder with p2
        assertNeighbours(model, 3, new int[] {0, 4}, 1, COS_04);
        assertNeighbours(model, 4, new int[] {0, 3}, COS_04, COS_04);
    }

    @Test
    void aNeighbourhoodLargerThanTheCatalogueTakesEveryPositiveSimilarity() {
        ItemKnnModel model = train(Similarity.COSINE, 1_000_000);
        assertNeighbours(model, 0, new int[] {3, 4, 1}, 1, COS_04, 2.0 / 3);
    }

    @Test
    void pearsonNeighbourhoodsKeepPositiveCorrelationsOnly() {
        ItemKnnModel model = train(Similarity.PEARSON, 2);
        assertNeighbours(model, 0, new int[] {3, 4}, 1, 2 / Math.sqrt(12));
        assertNeighbours(model, 1, new int[] {2}, 1.0 / 3); // p0 and p3 correlate -1/3 with p1
        assertNeighbours(model, 2, new int[] {1}, 1.0 / 3);
        assertNeighbours(model, 4, new int[] {0, 3}, 2 / Math.sqrt(12), 2 / Math.sqrt(12));
    }

    @Test
    void euclideanNeighbourhoods() {
        ItemKnnModel model = train(Similarity.EUCLIDEAN, 2);
        double root2 = 1 / (1 + Math.sqrt(2));
        assertNeighbours(model, 0, new int[] {3, 4}, 1, 0.5);
        assertNeighbours(model, 1, new int[] {0, 2}, root2, root2); // p0, p2, p3 all at distance sqrt 2
        assertNeighbours(model, 2, new int[] {1, 4}, root2, 1 / (1 + Math.sqrt(3))); // p4 shares no holder
        assertNeighbours(model, 4, new int[] {0, 3}, 0.5, 0.5);
    }

    @Test
    void adjustedCosineNeighbourhoods() {
        ItemKnnModel model = train(Similarity.ADJUSTED_COSINE, 2);
        double a04 = 0.12 / Math.sqrt(0.52 * 0.72);
        double a12 = 0.32 / Math.sqrt(0.92 * 1.72);
        assertNeighbours(model, 0, new int[] {3, 4}, 1, a04);
        assertNeighbours(model, 1, new int[] {2}, a12); // p0, p3, p4 are negative after centring
        assertNeighbours(model, 2, new int[] {1}, a12);
        assertNeighbours(model, 4, new int[] {0, 3}, a04, a04);
    }

    /** score(i) = sum of sim(i, j) over held j in N_2(i). */
    @Test
    void candidateRuleScores() {
        ItemKnnModel model = train(Similarity.COSINE, 2);
        assertEquals(ItemKnnModel.Rule.CANDIDATE, model.rule());
        // a new customer with p0 and p1
        assertScores(new double[] {0, 2.0 / 3, COS_12, 1, COS_04}, score(model, -1, 0, 1));
        // u0 = {p0, p1, p3}: p4's neighbourhood {p0, p3} holds two of them
        assertScores(new double[] {1, 4.0 / 3, COS_12, 1, 2 * COS_04}, score(model, 0, 0, 1, 3));
    }

    /** score(i) = sum of sim(j, i) over held j with i in N_2(j): p0 votes p3 and p4, p1 votes p0 and p3. */
    @Test
    void heldRuleScores() {
        ItemKnnModel model = train(KnnTestData.example(), Similarity.COSINE, 2, 1, ItemKnnModel.Rule.HELD);
        assertScores(new double[] {2.0 / 3, 0, 0, 1 + 2.0 / 3, COS_04}, score(model, -1, 0, 1));
        List<Reason> reasons = model.explain(-1, new int[] {0, 1}, 3, score(model, -1, 0, 1)[3]);
        assertEquals(2, reasons.size());
        assertEquals("Product p3 is often held together with Product p0, which the customer holds (similarity 1.00).",
                reasons.get(0).message());
        assertEquals(2.0 / 3, reasons.get(1).contribution(), EPS);
    }

    @Test
    void explanationNamesTheHeldProducts() {
        ItemKnnModel model = train(Similarity.COSINE, 2);
        float[] scores = score(model, 0, 0, 1, 3);
        List<Reason> reasons = model.explain(0, new int[] {0, 1, 3}, 4, scores[4]);
        assertEquals(List.of(
                "Product p4 is often held together with Product p0, which the customer holds (similarity 0.82).",
                "Product p4 is often held together with Product p3, which the customer holds (similarity 0.82)."),
                reasons.stream().map(Reason::message).toList());
        assertTrue(reasons.stream().allMatch(r -> r.code().equals(ReasonCodes.HELD_TOGETHER_WITH)));
        assertEquals(scores[4], reasons.get(0).contribution() + reasons.get(1).contribution(), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(Similarity.class)
    void noItemsGiveZerosAndAReasonSayingSo(Similarity similarity) {
        ItemKnnModel model = train(similarity, 2);
        for (float s : score(model, -1)) {
            assertEquals(0f, s);
        }
        List<Reason> reasons = model.explain(-1, new int[0], 1, 0);
        assertEquals(List.of(new Reason(ReasonCodes.HELD_TOGETHER_WITH,
                "None of the products the customer holds is among those most similar to Product p1.", 0.0)), reasons);
    }

    @ParameterizedTest
    @EnumSource(Similarity.class)
    void contributionsAddUpToTheScore(Similarity similarity) {
        Dataset data = KnnTestData.dataset("random", 25, KnnTestData.randomRows(150, 25, 13));
        for (ItemKnnModel.Rule rule : ItemKnnModel.Rule.values()) {
            ItemKnnModel model = train(data, similarity, 10, 2, rule);
            FeedbackMatrix matrix = model.matrix();
            int aggregates = 0;
            List<int[]> customers = new ArrayList<>();
            for (int u = 0; u < 40; u++) {
                customers.add(new int[] {u});
            }
            customers.add(new int[] {-1, 0, 1, 2, 5, 8, 13, 21});
            customers.add(new int[] {-1, 24});
            for (int[] customer : customers) {
                int user = customer[0];
                int[] items = user >= 0 ? matrix.itemsOf(user) : Arrays.copyOfRange(customer, 1, customer.length);
                float[] scores = score(model, user, items);
                for (int i = 0; i < matrix.items(); i++) {
                    assertTrue(Float.isFinite(scores[i]));
                    List<Reason> reasons = model.explain(user, items, i, scores[i]);
                    double sum = reasons.stream().mapToDouble(Reason::contribution).sum();
                    assertEquals(scores[i], sum, 1e-5, rule + " customer " + user + " product " + i);
                    assertTrue(reasons.size() <= KnnReasons.INDIVIDUAL + 1);
                    if (reasons.size() == KnnReasons.INDIVIDUAL + 1) {
                        aggregates++;
                        assertTrue(reasons.get(3).message().contains(" other product"), reasons.get(3).message());
                    }
                }
            }
            assertTrue(aggregates > 0, rule + ": some explanation has more than three held products");
        }
    }

    @ParameterizedTest
    @EnumSource(Similarity.class)
    void theModelIsTheSameWhateverTheNumberOfThreads(Similarity similarity) {
        Dataset data = KnnTestData.dataset("random", 150, KnnTestData.randomRows(300, 150, 17));
        ItemKnnModel one = train(data, similarity, 12, 1, ItemKnnModel.Rule.DEFAULT);
        for (int threads : new int[] {2, 3, 8}) {
            ItemKnnModel many = train(data, similarity, 12, threads, ItemKnnModel.Rule.DEFAULT);
            assertEquals(one.version(), many.version());
            for (int i = 0; i < 150; i++) {
                assertArrayEquals(one.neighboursOf(i), many.neighboursOf(i), threads + " threads, product " + i);
                assertArrayEquals(one.similaritiesOf(i), many.similaritiesOf(i));
            }
            for (int u = 0; u < 300; u += 7) {
                int[] row = one.matrix().itemsOf(u);
                assertArrayEquals(score(one, u, row), score(many, u, row));
            }
        }
    }

    @Test
    void versionIsStableForTheSameDataAndSettings() {
        String version = train(Similarity.COSINE, 2).version();
        assertTrue(version.matches("[0-9a-f]{64}"), version);
        assertEquals(version, train(Similarity.COSINE, 2).version());
        assertNotEquals(version, train(Similarity.ADJUSTED_COSINE, 2).version());
        assertNotEquals(version, train(Similarity.COSINE, 3).version());
        assertNotEquals(version,
                train(KnnTestData.example(), Similarity.COSINE, 2, 1, ItemKnnModel.Rule.HELD).version());
    }

    @Test
    void theAlgorithmBuildsItemKnn() {
        CfModel model = Algorithm.ITEM_KNN.trainer(KnnTestData.settings(Algorithm.ITEM_KNN, Similarity.COSINE, 2, 2))
                .train(KnnTestData.example(), ProgressListener.NONE);
        assertTrue(model instanceof ItemKnnModel);
        assertEquals(train(Similarity.COSINE, 2).version(), model.version());
    }

    /** Through the recommender: a new customer described by their holdings, explained with reasons. */
    @Test
    void servesThroughTheRecommender() {
        ItemKnnModel model = train(Similarity.COSINE, 2);
        CfRecommender recommender = new CfRecommender("item-knn", model);
        Customer customer = Customer.builder("new").holding("p0", "p1").build();
        RecommendationRequest request = RecommendationRequest.builder(customer).build();
        List<Product> candidates = List.of(Product.builder("p3").build(), Product.builder("p4").build());
        double[] scores = ProductListScoring.score(recommender, request, candidates);
        assertEquals(1, scores[0], EPS);
        assertEquals(COS_04, scores[1], EPS);
        Explanation explanation = ProductListScoring.explain(recommender, request, Product.builder("p2").build());
        assertEquals(List.of(
                "Product p2 is often held together with Product p1, which the customer holds (similarity 0.58)."),
                explanation.reasons().stream().map(Reason::message).toList());
    }
}
