package org.finrec.recommender.cf.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * User kNN on the 4 x 5 example of {@link KnnTestData#EXAMPLE}, scores worked out by hand, and its contract on
 * random data. Similarities of u0 = {p0, p1, p3} to u1, u2, u3: cosine 0.666667, 0.408248, 0.866025; Pearson
 * 0.166667, -0.166667, 0.612372; Euclidean 0.414214, 0.366025, 0.5 (see {@link SimilarityTest}).
 */
class UserKnnModelTest {

    private static final double EPS = 1e-5;

    private static UserKnnModel train(Dataset data, Similarity similarity, int k) {
        return new UserKnnTrainer(KnnTestData.settings(Algorithm.USER_KNN, similarity, k, 1)).train(data,
                ProgressListener.NONE);
    }

    private static float[] score(CfModel model, int user, int... items) {
        float[] scores = new float[model.matrix().items()];
        model.score(user, items, scores);
        return scores;
    }

    private static void assertScores(double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], EPS, "product p" + i);
        }
    }

    @Test
    void cosineScoresSumTheTopNeighboursSimilarities() {
        UserKnnModel model = train(KnnTestData.example(), Similarity.COSINE, 2);
        // u0's two nearest: u3 (0.866025), u1 (0.666667); u2 (0.408248) is third; u0 itself (1.0) is excluded
        assertArrayEquals(new int[] {3, 1}, model.neighbourIds(0, new int[] {0, 1, 3}));
        double both = 3 / Math.sqrt(12) + 2.0 / 3;
        assertScores(new double[] {both, 3 / Math.sqrt(12), 0, both, both}, score(model, 0, 0, 1, 3));

        UserKnnModel three = train(KnnTestData.example(), Similarity.COSINE, 3);
        assertScores(new double[] {both, 3 / Math.sqrt(12) + 1 / Math.sqrt(6), 1 / Math.sqrt(6), both, both},
                score(three, 0, 0, 1, 3));
    }

    @Test
    void aNeighbourhoodLargerThanTheDataTakesEveryone() {
        UserKnnModel model = train(KnnTestData.example(), Similarity.COSINE, 1_000_000);
        assertArrayEquals(new int[] {3, 1, 2}, model.neighbourIds(0, new int[] {0, 1, 3}));
        UserKnnModel euclidean = train(KnnTestData.example(), Similarity.EUCLIDEAN, 1_000_000);
        assertArrayEquals(new int[] {2, 0, 1, 3}, euclidean.neighbourIds(-1, new int[] {2}));
    }

    @Test
    void pearsonSkipsNegativelyCorrelatedNeighbours() {
        UserKnnModel model = train(KnnTestData.example(), Similarity.PEARSON, 3);
        // u2 correlates -1/6 with u0: not a neighbour even with room for three
        assertArrayEquals(new int[] {3, 1}, model.neighbourIds(0, new int[] {0, 1, 3}));
        double both = 3 / Math.sqrt(24) + 1.0 / 6;
        assertScores(new double[] {both, 3 / Math.sqrt(24), 0, both, both}, score(model, 0, 0, 1, 3));
    }

    @Test
    void euclideanScores() {
        UserKnnModel model = train(KnnTestData.example(), Similarity.EUCLIDEAN, 2);
        double both = 0.5 + 1 / (1 + Math.sqrt(2));
        assertScores(new double[] {both, 0.5, 0, both, both}, score(model, 0, 0, 1, 3));
    }

    /**
     * A new customer holding only p2 overlaps u2 alone (1 / (1 + 1) = 0.5); Euclidean similarity is positive
     * without overlap, 1 / (1 + sqrt(1 + b)): u0 and u1 (b = 3) 1/3, u3 (b = 4) 0.309. With k = 2 the tie between
     * u0 and u1 goes to u0.
     */
    @Test
    void euclideanConsidersCustomersSharingNothing() {
        UserKnnModel model = train(KnnTestData.example(), Similarity.EUCLIDEAN, 2);
        assertArrayEquals(new int[] {2, 0}, model.neighbourIds(-1, new int[] {2}));
        assertScores(new double[] {1.0 / 3, 0.5 + 1.0 / 3, 0.5, 1.0 / 3, 0}, score(model, -1, 2));
        // cosine sees u2 alone: 1 / sqrt(2)
        UserKnnModel cosine = train(KnnTestData.example(), Similarity.COSINE, 2);
        assertScores(new double[] {0, Math.sqrt(0.5), Math.sqrt(0.5), 0, 0}, score(cosine, -1, 2));
    }

    @ParameterizedTest
    @EnumSource(value = Similarity.class, names = {"COSINE", "PEARSON", "EUCLIDEAN"})
    void aKnownCustomerIsNotTheirOwnNeighbour(Similarity similarity) {
        Dataset data = KnnTestData.dataset("random", 15, KnnTestData.randomRows(80, 15, 11));
        UserKnnModel model = train(data, similarity, 10);
        FeedbackMatrix matrix = model.matrix();
        for (int u = 0; u < matrix.users(); u++) {
            int[] row = matrix.itemsOf(u);
            int self = u;
            assertFalse(Arrays.stream(model.neighbourIds(u, row)).anyMatch(v -> v == self), "customer " + u);
            // the row less one product, as an unknown customer, finds this customer among its neighbours
            if (row.length > 1) {
                int[] smaller = Arrays.copyOf(row, row.length - 1);
                assertTrue(Arrays.stream(model.neighbourIds(-1, smaller)).anyMatch(v -> v == self)
                        || model.neighbourIds(-1, smaller).length == 10, "customer " + u);
            }
        }
    }

    /**
     * The profile-based search equals the textbook one: every other training customer with products, similarity
     * from the counts, positive ones only, sorted by similarity then index, the first k. On rows over few products,
     * so that many customers share a profile (and ties abound), and on rows over many.
     */
    @ParameterizedTest
    @EnumSource(value = Similarity.class, names = {"COSINE", "PEARSON", "EUCLIDEAN"})
    void neighboursEqualABruteForceSearch(Similarity similarity) {
        java.util.Random random = new java.util.Random(21);
        for (int items : new int[] {4, 7, 40}) {
            int[][] rows = KnnTestData.randomRows(300, items, items);
            Dataset data = KnnTestData.dataset("random", items, rows);
            for (int k : new int[] {1, 5, 40}) {
                UserKnnModel model = train(data, similarity, k);
                for (int trial = 0; trial < 60; trial++) {
                    int user = trial % 2 == 0 ? random.nextInt(rows.length) : -1;
                    int[] positive = user >= 0 ? rows[user]
                            : java.util.stream.IntStream.range(0, items).filter(i -> random.nextInt(3) == 0).toArray();
                    int[] expected = bruteForce(rows, items, similarity, k, user, positive);
                    assertArrayEquals(expected, model.neighbourIds(user, positive),
                            similarity + " items " + items + " k " + k + " customer " + user + " "
                                    + Arrays.toString(positive));
                }
            }
        }
    }

    private static int[] bruteForce(int[][] rows, int items, Similarity similarity, int k, int user, int[] positive) {
        List<double[]> candidates = new ArrayList<>();
        for (int v = 0; v < rows.length; v++) {
            if (v == user || rows[v].length == 0) {
                continue;
            }
            int c = 0;
            for (int i : rows[v]) {
                if (Arrays.binarySearch(positive, i) >= 0) {
                    c++;
                }
            }
            if (c == rows[v].length) {
                continue; // has nothing the customer lacks: cannot recommend anything
            }
            double sim = NeighbourhoodSimilarity.of(similarity, items, positive.length, rows[v].length, c);
            if (sim > 0) {
                candidates.add(new double[] {sim, v});
            }
        }
        candidates.sort((x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0]) : Double.compare(x[1], y[1]));
        return candidates.stream().limit(k).mapToInt(x -> (int) x[1]).toArray();
    }

    @Test
    void customersWithTheSameProductsShareAProfile() {
        int[][] rows = {{0, 1}, {2}, {0, 1}, {}, {2}, {0, 1}, {}};
        UserKnnModel model = train(KnnTestData.dataset("profiles", 3, rows), Similarity.COSINE, 3);
        assertEquals(3, model.profiles());
        // u0's twins u2 and u5 have nothing u0 lacks, so they are no neighbours; u1 and u4 share nothing
        assertArrayEquals(new int[0], model.neighbourIds(0, new int[] {0, 1}));
        assertArrayEquals(new int[0], model.neighbourIds(-1, new int[] {0, 1}));
        // a customer with product 0 only: all three of the {0, 1} profile, in index order
        assertArrayEquals(new int[] {0, 2, 5}, model.neighbourIds(3, new int[] {0}));
    }

    @ParameterizedTest
    @EnumSource(value = Similarity.class, names = {"COSINE", "PEARSON", "EUCLIDEAN"})
    void noItemsGiveZerosAndANoSimilarCustomerReason(Similarity similarity) {
        UserKnnModel model = train(KnnTestData.example(), similarity, 2);
        float[] scores = score(model, -1);
        for (float s : scores) {
            assertEquals(0f, s);
        }
        List<Reason> reasons = model.explain(-1, new int[0], 2, 0);
        assertEquals(1, reasons.size());
        assertEquals(ReasonCodes.SIMILAR_CUSTOMERS_HOLD, reasons.get(0).code());
        assertEquals(0.0, reasons.get(0).contribution());
        assertEquals("No similar customer holds Product p2.", reasons.get(0).message());
    }

    @Test
    void aProductNoNeighbourHoldsScoresZeroWithAReason() {
        UserKnnModel model = train(KnnTestData.example(), Similarity.COSINE, 2);
        float[] scores = score(model, 0, 0, 1, 3);
        assertEquals(0f, scores[2]);
        List<Reason> reasons = model.explain(0, new int[] {0, 1, 3}, 2, scores[2]);
        assertEquals(List.of(new Reason(ReasonCodes.SIMILAR_CUSTOMERS_HOLD, "No similar customer holds Product p2.",
                0.0)), reasons);
    }

    @Test
    void explanationNamesTheNeighbours() {
        UserKnnModel model = train(KnnTestData.example(), Similarity.COSINE, 2);
        float[] scores = score(model, 0, 0, 1, 3);
        List<Reason> reasons = model.explain(0, new int[] {0, 1, 3}, 4, scores[4]);
        assertEquals(2, reasons.size());
        assertEquals("A customer with similar products (similarity 0.87) holds Product p4.", reasons.get(0).message());
        assertEquals("A customer with similar products (similarity 0.67) holds Product p4.", reasons.get(1).message());
        assertEquals(3 / Math.sqrt(12), reasons.get(0).contribution(), EPS);
        assertEquals(scores[4], reasons.get(0).contribution() + reasons.get(1).contribution(), 1e-12);
    }

    /** Top three one by one, the rest as one reason, adding up to the score, for known and unknown customers. */
    @ParameterizedTest
    @EnumSource(value = Similarity.class, names = {"COSINE", "PEARSON", "EUCLIDEAN"})
    void contributionsAddUpToTheScore(Similarity similarity) {
        Dataset data = KnnTestData.dataset("random", 20, KnnTestData.randomRows(120, 20, 5));
        UserKnnModel model = train(data, similarity, 25);
        FeedbackMatrix matrix = model.matrix();
        int aggregates = 0;
        List<int[]> customers = new ArrayList<>();
        for (int u = 0; u < 30; u++) {
            customers.add(new int[] {u});
        }
        customers.add(new int[] {-1, 0, 3, 7});
        customers.add(new int[] {-1, 19});
        customers.add(new int[] {-1});
        for (int[] customer : customers) {
            int user = customer[0];
            int[] items = user >= 0 ? matrix.itemsOf(user) : Arrays.copyOfRange(customer, 1, customer.length);
            float[] scores = score(model, user, items);
            for (int i = 0; i < matrix.items(); i++) {
                assertTrue(Float.isFinite(scores[i]));
                List<Reason> reasons = model.explain(user, items, i, scores[i]);
                double sum = reasons.stream().mapToDouble(Reason::contribution).sum();
                assertEquals(scores[i], sum, 1e-5, "customer " + user + " product " + i);
                assertTrue(reasons.size() <= KnnReasons.INDIVIDUAL + 1);
                assertTrue(reasons.stream().allMatch(r -> r.code().equals(ReasonCodes.SIMILAR_CUSTOMERS_HOLD)));
                if (reasons.size() == KnnReasons.INDIVIDUAL + 1) {
                    aggregates++;
                    assertTrue(reasons.get(3).message().matches("\\d+ other similar customers? holds? .*"),
                            reasons.get(3).message());
                }
                for (int r = 1; r < Math.min(reasons.size(), KnnReasons.INDIVIDUAL); r++) {
                    assertTrue(reasons.get(r - 1).contribution() >= reasons.get(r).contribution() - 1e-6);
                }
            }
        }
        assertTrue(aggregates > 0, "some explanation has more than three neighbours");
    }

    @Test
    void concurrentScoringGivesTheSameScores() throws Exception {
        Dataset data = KnnTestData.dataset("random", 20, KnnTestData.randomRows(200, 20, 9));
        UserKnnModel model = train(data, Similarity.COSINE, 30);
        FeedbackMatrix matrix = model.matrix();
        float[][] expected = new float[matrix.users()][];
        for (int u = 0; u < matrix.users(); u++) {
            expected[u] = score(model, u, matrix.itemsOf(u));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (int u = 0; u < matrix.users(); u++) {
                            int user = (u + offset * 25) % matrix.users();
                            if (!Arrays.equals(expected[user], score(model, user, matrix.itemsOf(user)))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void versionIsStableForTheSameDataAndSettings() {
        String version = train(KnnTestData.example(), Similarity.COSINE, 2).version();
        assertTrue(version.matches("[0-9a-f]{64}"), version);
        assertEquals(version, train(KnnTestData.example(), Similarity.COSINE, 2).version());
        assertNotEquals(version, train(KnnTestData.example(), Similarity.COSINE, 3).version());
        assertNotEquals(version, train(KnnTestData.example(), Similarity.PEARSON, 2).version());
        int[][] changed = {{0, 1, 3}, {0, 3, 4}, {1, 2}, {0, 1, 3}};
        assertNotEquals(version, train(KnnTestData.dataset("example", 5, changed), Similarity.COSINE, 2).version());
    }

    @Test
    void adjustedCosineIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new UserKnnTrainer(
                KnnTestData.settings(Algorithm.USER_KNN, Similarity.ADJUSTED_COSINE, 5, 1)));
        assertTrue(e.getMessage().contains("item kNN"), e.getMessage());
    }

    @Test
    void aDatasetWithoutProductsIsRejected() {
        Dataset empty = Dataset.of("empty", List.of(Customer.builder("u0").build()), List.<Product>of(), List.of());
        assertThrows(IllegalArgumentException.class,
                () -> new UserKnnTrainer(KnnTestData.settings(Algorithm.USER_KNN, Similarity.COSINE, 5, 1))
                        .train(empty, ProgressListener.NONE));
    }

    /** Through the recommender: a new customer described by their holdings, explained with reasons. */
    @Test
    void servesThroughTheRecommender() {
        UserKnnModel model = train(KnnTestData.example(), Similarity.COSINE, 2);
        CfRecommender recommender = new CfRecommender("user-knn", model);
        Customer customer = Customer.builder("new").holding("p2").build();
        RecommendationRequest request = RecommendationRequest.builder(customer).build();
        List<Product> candidates = List.of(Product.builder("p1").build(), Product.builder("p4").build());
        double[] scores = ProductListScoring.score(recommender, request, candidates);
        assertEquals(Math.sqrt(0.5), scores[0], EPS);
        assertEquals(0, scores[1], EPS);
        Explanation explanation = ProductListScoring.explain(recommender, request, Product.builder("p1").build());
        assertEquals(List.of("A customer with similar products (similarity 0.71) holds Product p1."),
                explanation.reasons().stream().map(Reason::message).toList());
        assertEquals(model.version(), recommender.modelVersion());
    }
}
