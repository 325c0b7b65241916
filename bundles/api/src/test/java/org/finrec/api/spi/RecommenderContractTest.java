package org.finrec.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.ProductCategory;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.RecommendationRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Recommender} implementation passes, whatever its family: a test class per
 * implementation extends this one and says how to train it and how to swap its model. The fixture is a bank of 400
 * customers in four groups whose holdings follow the group, so that every family has something to learn; a second
 * bank of the same shape, drawn with another seed, gives the model a swap goes to.
 *
 * <p>Shipped in the api's test JAR ({@code finrec-api:test-jar}).
 */
public abstract class RecommenderContractTest {

    private static final int CUSTOMERS = 400;
    private static final int PRODUCTS = 20;
    private static final int K = 5;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** The fixture every test trains on. */
    protected static final Dataset BANK = bank("contract-bank", 7);
    /** A second fixture of the same products and customers with other holdings: the model a swap brings. */
    protected static final Dataset OTHER_BANK = bank("contract-bank-2", 11);
    /** The serving catalogue: the fixture's products, in the fixture's order. */
    private static final ProductCatalog CATALOG = catalog(BANK);

    private Recommender recommender;

    /**
     * Trains a new recommender of the implementation under test on the data. Two calls with the same data must
     * give recommenders that score alike (fixed seeds).
     *
     * @param data the training data
     * @return a trained recommender
     */
    protected abstract Recommender train(Dataset data);

    /**
     * Makes a recommender that {@link #train} returned serve a model trained on other data, the way the
     * implementation swaps models in production (a configuration change, a model loaded from a store): in one step,
     * while requests may be running.
     *
     * @param recommender a recommender of the implementation under test
     * @param data the data the new model is trained on
     */
    protected abstract void swapModel(Recommender recommender, Dataset data);

    /**
     * How far a score computed while other requests run may differ from the same score computed alone. Exact (up to
     * 1e-9) unless overridden: an implementation whose concurrent requests share one float32 forward pass (a
     * dynamic batcher) gets scores that depend on the batch's size in their last bits, since the engine sums in
     * another order; such an implementation may allow a relative 1e-6, far below any difference between products
     * or between models.
     *
     * @return the absolute tolerance
     */
    protected double concurrentScoreTolerance() {
        return 1e-9;
    }

    @BeforeEach
    void trainOnce() {
        recommender = train(BANK);
    }

    private static Dataset bank(String name, long seed) {
        Random random = new Random(seed);
        List<Product> products = new ArrayList<>();
        for (int p = 0; p < PRODUCTS; p++) {
            products.add(Product.builder("P" + p).name("Product " + p).category(ProductCategory.ACCOUNT).build());
        }
        List<Customer> customers = new ArrayList<>();
        List<Interaction> interactions = new ArrayList<>();
        Random order = new Random(seed * 31 + 1);
        for (int c = 0; c < CUSTOMERS; c++) {
            int group = c % 4;
            Customer.Builder customer = Customer.builder("C" + c).age(20 + group * 15 + random.nextInt(10))
                    .segment("group-" + group).riskTolerance(7);
            List<Integer> held = new ArrayList<>();
            for (int p = 0; p < PRODUCTS; p++) {
                boolean inGroup = p % 4 == group;
                if (random.nextDouble() < (inGroup ? 0.6 : 0.05)) {
                    customer.holding("P" + p);
                    held.add(p);
                }
            }
            // each customer took the products in an order of their own, not in catalogue order, so that a
            // sequential model learns what goes together rather than what comes later in the catalogue
            Collections.shuffle(held, order);
            for (int e = 0; e < held.size(); e++) {
                interactions.add(Interaction.of("C" + c, "P" + held.get(e), InteractionKind.PURCHASE,
                        START.plusSeconds(60L * (c * PRODUCTS + e))));
            }
            customers.add(customer.build());
        }
        return Dataset.of(name, customers, products, interactions);
    }

    private static ProductCatalog catalog(Dataset data) {
        List<Product> products = new ArrayList<>();
        for (int p = 0; p < data.productCount(); p++) {
            products.add(data.product(p));
        }
        return ProductCatalog.of(products);
    }

    /** The candidates the facade would pass: the catalogue index of every product the customer does not hold. */
    private static int[] candidatesFor(Customer customer) {
        int[] candidates = new int[CATALOG.products().size()];
        int count = 0;
        for (int p = 0; p < candidates.length; p++) {
            if (!customer.holds(CATALOG.products().get(p).id())) {
                candidates[count++] = p;
            }
        }
        return Arrays.copyOf(candidates, count);
    }

    private static RecommendationRequest request(Customer customer) {
        return RecommendationRequest.builder(customer).requestId("contract-" + customer.id()).k(K).build();
    }

    private double[] score(Customer customer) {
        return recommender.scorer(request(customer), CATALOG).score(candidatesFor(customer));
    }

    private static void assertAddsUp(double expected, Explanation explanation, String what) {
        double tolerance = 1e-4 * Math.max(1, Math.abs(expected));
        assertEquals(expected, explanation.score(), tolerance, "explained score of " + what);
        assertEquals(explanation.score(), explanation.totalContribution(), tolerance,
                "reasons of " + what + " must add up to the score");
    }

    @Test
    void scoresEveryCandidateWithAFiniteValueOrNoOpinion() {
        for (int c = 0; c < CUSTOMERS; c += 13) {
            Customer customer = BANK.customer(c);
            double[] scores = score(customer);
            assertEquals(candidatesFor(customer).length, scores.length);
            boolean anyOpinion = false;
            for (double score : scores) {
                assertFalse(Double.isInfinite(score), "infinite score for " + customer.id());
                anyOpinion |= Double.isFinite(score);
            }
            assertTrue(anyOpinion, "no opinion at all for a customer of the training data: " + customer.id());
        }
    }

    @Test
    void aProductsScoreDoesNotDependOnTheOtherCandidates() {
        Customer customer = BANK.customer(5);
        int[] all = candidatesFor(customer);
        int[] some = Arrays.copyOfRange(all, all.length / 2, all.length);
        double[] allScores = score(customer);
        double[] someScores = recommender.scorer(request(customer), CATALOG).score(some);
        for (int i = 0; i < some.length; i++) {
            assertEquals(allScores[all.length / 2 + i], someScores[i], 1e-9, "product " + some[i]);
        }
    }

    @Test
    void explainsEveryTopRecommendationWithReasonsThatAddUpToItsScore() {
        for (int c = 0; c < CUSTOMERS; c += 37) {
            Customer customer = BANK.customer(c);
            int[] candidates = candidatesFor(customer);
            RequestScorer scorer = recommender.scorer(request(customer), CATALOG);
            double[] scores = scorer.score(candidates);
            for (int i : TopK.select(scores, K)) {
                Explanation explanation = scorer.explain(candidates[i]);
                assertEquals(CATALOG.products().get(candidates[i]).id(), explanation.productId());
                assertFalse(explanation.reasons().isEmpty());
                assertAddsUp(scores[i], explanation, CATALOG.products().get(candidates[i]).id());
            }
        }
    }

    @Test
    void aDemotedProductsReasonsAddUpToItsServedScore() {
        SuitabilityDecision demotion = SuitabilityDecision.demote(0.5, Reason.of(ReasonCodes.DEMOTED,
                "The product costs more than the customer's usual products."));
        for (int c = 0; c < CUSTOMERS; c += 37) {
            Customer customer = BANK.customer(c);
            int[] candidates = candidatesFor(customer);
            RequestScorer scorer = recommender.scorer(request(customer), CATALOG);
            double[] scores = scorer.score(candidates);
            for (int i : TopK.select(scores, K)) {
                double served = demotion.applyTo(scores[i]);
                assertTrue(served < scores[i] || scores[i] == 0, "a demotion must lower the score " + scores[i]);
                Explanation explanation = demotion.applyTo(scorer.explain(candidates[i]));
                assertAddsUp(served, explanation, "demoted " + CATALOG.products().get(candidates[i]).id());
                Reason last = explanation.reasons().get(explanation.reasons().size() - 1);
                assertEquals(ReasonCodes.DEMOTED, last.code());
                assertEquals(served - scores[i], last.contribution(), 1e-4 * Math.max(1, Math.abs(served)));
            }
        }
    }

    @Test
    void learnsTheGroupsOfTheFixtureBetterThanAGroupBlindBaseline() {
        int[] holders = new int[PRODUCTS];
        for (int c = 0; c < CUSTOMERS; c++) {
            for (int p : BANK.holdings(c)) {
                holders[p]++;
            }
        }
        int hits = 0;
        int blindHits = 0;
        int tries = 0;
        for (int c = 0; c < CUSTOMERS; c += 7) {
            Customer customer = BANK.customer(c);
            int[] candidates = candidatesFor(customer);
            int[] top = TopK.select(score(customer), 1);
            if (top.length == 1) {
                tries++;
                hits += candidates[top[0]] % 4 == c % 4 ? 1 : 0;
                double[] popularity = new double[candidates.length];
                for (int i = 0; i < candidates.length; i++) {
                    popularity[i] = holders[candidates[i]];
                }
                blindHits += candidates[TopK.select(popularity, 1)[0]] % 4 == c % 4 ? 1 : 0;
            }
        }
        assertTrue(tries > 0);
        // overall popularity lands in the customer's group about 1 time in 4; a model that learned the groups far
        // more often (products of the own group are held 12 times as often)
        assertTrue(hits >= tries / 2 && hits > blindHits, "top product in the customer's group for " + hits + " of "
                + tries + " customers; overall popularity: " + blindHits);
    }

    @Test
    void trainingTwiceOnTheSameDataGivesTheSameModel() {
        Recommender again = train(BANK);
        assertEquals(recommender.modelVersion(), again.modelVersion());
        for (int c = 0; c < CUSTOMERS; c += 41) {
            Customer customer = BANK.customer(c);
            assertArrayEquals(score(customer), again.scorer(request(customer), CATALOG).score(candidatesFor(customer)),
                    1e-9);
        }
    }

    @Test
    void concurrentCallsGiveTheSameScoresAsSequentialOnes() throws Exception {
        int customers = 40;
        double[][] expected = new double[customers][];
        for (int c = 0; c < customers; c++) {
            expected[c] = score(BANK.customer(c));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                calls.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (int c = 0; c < customers; c++) {
                            assertArrayEquals(expected[c], score(BANK.customer(c)), concurrentScoreTolerance());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aScorerKeepsItsModelWhenTheRecommenderSwapsModels() {
        Customer customer = BANK.customer(3);
        int[] candidates = candidatesFor(customer);
        RequestScorer before = recommender.scorer(request(customer), CATALOG);
        String version = before.modelVersion();
        double[] scores = before.score(candidates);
        int top = TopK.select(scores, 1)[0];

        swapModel(recommender, OTHER_BANK);

        RequestScorer after = recommender.scorer(request(customer), CATALOG);
        assertNotEquals(version, after.modelVersion(), "a model trained on other data must have another version");
        assertEquals(after.modelVersion(), recommender.modelVersion());
        assertFalse(Arrays.equals(scores, after.score(candidates)), "the new model must score differently");
        assertEquals(version, before.modelVersion());
        assertArrayEquals(scores, before.score(candidates), 0.0, "a bound scorer keeps its model");
        assertAddsUp(scores[top], before.explain(candidates[top]), "the old model's top product");
    }

    @Test
    void everyResponseComesFromOneModelWhileModelsSwap() throws Exception {
        int customers = 24;
        Map<String, double[][]> expectedByVersion = new ConcurrentHashMap<>();
        expectedByVersion.put(recommender.modelVersion(), scoresOfFirst(customers));
        swapModel(recommender, OTHER_BANK);
        expectedByVersion.put(recommender.modelVersion(), scoresOfFirst(customers));
        assertEquals(2, expectedByVersion.size(), "the two models must have two versions");

        AtomicBoolean swapping = new AtomicBoolean(true);
        AtomicInteger responses = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                calls.add(pool.submit(() -> {
                    while (swapping.get()) {
                        for (int c = 0; c < customers; c++) {
                            Customer customer = BANK.customer(c);
                            int[] candidates = candidatesFor(customer);
                            RequestScorer scorer = recommender.scorer(request(customer), CATALOG);
                            double[] scores = scorer.score(candidates);
                            double[][] expected = expectedByVersion.get(scorer.modelVersion());
                            assertTrue(expected != null, "unknown model version " + scorer.modelVersion());
                            assertArrayEquals(expected[c], scores, concurrentScoreTolerance(), "scores of another model than "
                                    + scorer.modelVersion());
                            int[] top = TopK.select(scores, 1);
                            if (top.length == 1) {
                                assertAddsUp(scores[top[0]], scorer.explain(candidates[top[0]]),
                                        "the top product under swaps");
                            }
                            responses.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            calls.add(pool.submit(() -> {
                try {
                    for (int swap = 0; swap < 20; swap++) {
                        swapModel(recommender, swap % 2 == 0 ? BANK : OTHER_BANK);
                    }
                } finally {
                    swapping.set(false);
                }
                return null;
            }));
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            swapping.set(false);
            pool.shutdownNow();
        }
        assertTrue(responses.get() > 0);
    }

    private double[][] scoresOfFirst(int customers) {
        double[][] scores = new double[customers][];
        for (int c = 0; c < customers; c++) {
            scores[c] = score(BANK.customer(c));
        }
        return scores;
    }

    /**
     * Explaining the top {@code k} reads the work of the scoring pass instead of scoring the customer again per
     * product: in thread CPU time, median of many rounds, explaining k products must cost less than half of
     * scoring the customer k more times, plus twice what formatting one sentence per reason costs, measured in the
     * same run (a recommender whose scoring is cheaper than its wording cannot be told apart, and needs no telling).
     * {@code ExplanationCostCheckTest} shows that the check fails a recommender that scores again to explain.
     */
    @Test
    void explainingTheTopKCostsLessThanScoringKTimes() {
        assertExplainingCostsLessThanScoringAgain(recommender, BANK, CATALOG);
    }

    static void assertExplainingCostsLessThanScoringAgain(Recommender recommender, Dataset data,
            ProductCatalog catalog) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isCurrentThreadCpuTimeSupported(), "no thread CPU time on this JVM");
        int rounds = 41;
        int customers = 20;
        long[] scoring = new long[rounds];
        long[] explaining = new long[rounds];
        long[] wording = new long[rounds];
        double sink = 0;
        for (int round = -10; round < rounds; round++) { // ten rounds of warm-up
            long scoreNanos = 0;
            long explainNanos = 0;
            long wordNanos = 0;
            for (int c = 0; c < customers; c++) {
                Customer customer = data.customer(c);
                int[] candidates = candidatesFor(customer);
                long t0 = threads.getCurrentThreadCpuTime();
                RequestScorer scorer = recommender.scorer(request(customer), catalog);
                double[] scores = scorer.score(candidates);
                long t1 = threads.getCurrentThreadCpuTime();
                int[] top = TopK.select(scores, K);
                List<Explanation> explanations = new ArrayList<>(top.length);
                long t2 = threads.getCurrentThreadCpuTime();
                for (int i : top) {
                    explanations.add(scorer.explain(candidates[i]));
                }
                long t3 = threads.getCurrentThreadCpuTime();
                for (Explanation explanation : explanations) {
                    for (Reason reason : explanation.reasons()) {
                        sink += String.format("%s is held by %.1f%% of customers with %s %s (%d of %d).",
                                explanation.productId(), 100 * reason.contribution(), reason.code(), "group", c,
                                reason.message().length()).length();
                    }
                }
                long t4 = threads.getCurrentThreadCpuTime();
                scoreNanos += (t1 - t0) * top.length;
                explainNanos += t3 - t2;
                wordNanos += t4 - t3;
            }
            if (round >= 0) {
                scoring[round] = scoreNanos;
                explaining[round] = explainNanos;
                wording[round] = wordNanos;
            }
        }
        long kTimesScoring = median(scoring);
        long explainingTopK = median(explaining);
        long formatting = median(wording);
        assertTrue(explainingTopK < kTimesScoring / 2 + 2 * formatting, "explaining the top " + K + " of " + customers
                + " customers took " + explainingTopK + " ns of CPU; scoring them " + K + " more times "
                + kTimesScoring + " ns; formatting a sentence per reason " + formatting + " ns (sink " + sink + ")");
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Test
    void aCustomerUnknownToTheModelIsServedWithoutFailing() {
        Customer newcomer = Customer.builder("never-seen").age(30).segment("new").build();
        Customer newcomerWithHoldings = Customer.builder("never-seen-2").age(30).holding("P0", "P4").build();
        for (Customer customer : List.of(newcomer, newcomerWithHoldings)) {
            int[] candidates = candidatesFor(customer);
            RequestScorer scorer = recommender.scorer(request(customer), CATALOG);
            double[] scores = scorer.score(candidates);
            assertEquals(candidates.length, scores.length);
            for (int i = 0; i < scores.length; i++) {
                assertFalse(Double.isInfinite(scores[i]));
                if (Double.isFinite(scores[i])) {
                    assertAddsUp(scores[i], scorer.explain(candidates[i]), "a product for " + customer.id());
                }
            }
        }
    }

    /**
     * Tells whether the implementation scores products it never saw in training by their attributes or text (a
     * content-based model) rather than answering NaN.
     *
     * @return {@code false} unless the implementation overrides it
     */
    protected boolean scoresUnseenProducts() {
        return false;
    }

    @Test
    void aProductUnknownToTheModelGetsNoOpinionUnlessItIsScoredByContent() {
        Product newProduct = Product.builder("launched-after-training").name("New product").build();
        List<Product> products = new ArrayList<>(CATALOG.products());
        products.add(0, newProduct); // a new catalogue snapshot, in which every index moved by one
        ProductCatalog extended = ProductCatalog.of(products);
        RequestScorer scorer = recommender.scorer(request(BANK.customer(1)), extended);
        double[] scores = scorer.score(new int[] {0, 4});
        double[] unshifted = recommender.scorer(request(BANK.customer(1)), CATALOG).score(new int[] {3});
        assertEquals(unshifted[0], scores[1], 1e-9, "product P3 must keep its score in the new catalogue");
        if (scoresUnseenProducts()) {
            assertTrue(Double.isFinite(scores[0]), "a content model scores a new product, got " + scores[0]);
            assertAddsUp(scores[0], scorer.explain(0), "the new product");
        } else {
            assertTrue(Double.isNaN(scores[0]), "a product the model never saw must get NaN, got " + scores[0]);
            assertThrows(IllegalArgumentException.class, () -> scorer.explain(0));
        }
    }
}
