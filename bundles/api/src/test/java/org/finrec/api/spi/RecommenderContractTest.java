package org.finrec.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.ProductCategory;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.RecommendationRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Recommender} implementation passes, whatever its family: a test class per
 * implementation extends this one and says how to train it. The fixture is a bank of 400 customers in four
 * groups whose holdings follow the group, so that every family has something to learn.
 *
 * <p>Shipped in the api's test JAR ({@code finrec-api:test-jar}).
 */
public abstract class RecommenderContractTest {

    private static final int CUSTOMERS = 400;
    private static final int PRODUCTS = 20;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** The fixture every test trains on. */
    protected static final Dataset BANK = bank();

    private Recommender recommender;

    /**
     * Trains a new recommender of the implementation under test on the data. Two calls with the same data must
     * give recommenders that score alike (fixed seeds).
     *
     * @param data the training data
     * @return a trained recommender
     */
    protected abstract Recommender train(Dataset data);

    @BeforeEach
    void trainOnce() {
        recommender = train(BANK);
    }

    private static Dataset bank() {
        Random random = new Random(7);
        List<Product> products = new ArrayList<>();
        for (int p = 0; p < PRODUCTS; p++) {
            products.add(Product.builder("P" + p).name("Product " + p).category(ProductCategory.ACCOUNT).build());
        }
        List<Customer> customers = new ArrayList<>();
        List<Interaction> interactions = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            int group = c % 4;
            Customer.Builder customer = Customer.builder("C" + c).age(20 + group * 15 + random.nextInt(10))
                    .segment("group-" + group).riskTolerance(7);
            for (int p = 0; p < PRODUCTS; p++) {
                boolean inGroup = p % 4 == group;
                if (random.nextDouble() < (inGroup ? 0.6 : 0.05)) {
                    customer.holding("P" + p);
                    interactions.add(Interaction.of("C" + c, "P" + p, InteractionKind.PURCHASE,
                            START.plusSeconds(60L * (c * PRODUCTS + p))));
                }
            }
            customers.add(customer.build());
        }
        return Dataset.of("contract-bank", customers, products, interactions);
    }

    /** The candidates the facade would pass: every product the customer does not hold. */
    private static List<Product> candidatesFor(Customer customer) {
        List<Product> candidates = new ArrayList<>();
        for (int p = 0; p < BANK.productCount(); p++) {
            if (!customer.holds(BANK.product(p).id())) {
                candidates.add(BANK.product(p));
            }
        }
        return candidates;
    }

    private static RecommendationRequest request(Customer customer) {
        return RecommendationRequest.builder(customer).requestId("contract-" + customer.id()).k(5).build();
    }

    @Test
    void scoresEveryCandidateWithAFiniteValueOrNoOpinion() {
        for (int c = 0; c < CUSTOMERS; c += 13) {
            Customer customer = BANK.customer(c);
            List<Product> candidates = candidatesFor(customer);
            double[] scores = recommender.score(request(customer), candidates);
            assertEquals(candidates.size(), scores.length);
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
        List<Product> all = candidatesFor(customer);
        List<Product> some = all.subList(all.size() / 2, all.size());
        double[] allScores = recommender.score(request(customer), all);
        double[] someScores = recommender.score(request(customer), some);
        for (int i = 0; i < some.size(); i++) {
            assertEquals(allScores[all.size() / 2 + i], someScores[i], 1e-9, some.get(i).id());
        }
    }

    @Test
    void explainsEveryTopRecommendationWithReasonsThatAddUpToItsScore() {
        for (int c = 0; c < CUSTOMERS; c += 37) {
            Customer customer = BANK.customer(c);
            List<Product> candidates = candidatesFor(customer);
            double[] scores = recommender.score(request(customer), candidates);
            for (int i : TopK.select(scores, 5)) {
                Explanation explanation = recommender.explain(request(customer), candidates.get(i));
                assertEquals(candidates.get(i).id(), explanation.productId());
                assertFalse(explanation.reasons().isEmpty());
                assertEquals(scores[i], explanation.score(), 1e-4 * Math.max(1, Math.abs(scores[i])),
                        "explained score of " + candidates.get(i).id());
                assertEquals(explanation.score(), explanation.totalContribution(),
                        1e-4 * Math.max(1, Math.abs(explanation.score())), "reasons must add up to the score");
            }
        }
    }

    @Test
    void learnsTheGroupsOfTheFixture() {
        int hits = 0;
        int tries = 0;
        for (int c = 0; c < CUSTOMERS; c += 7) {
            Customer customer = BANK.customer(c);
            List<Product> candidates = candidatesFor(customer);
            int[] top = TopK.select(recommender.score(request(customer), candidates), 1);
            if (top.length == 1) {
                tries++;
                int product = Integer.parseInt(candidates.get(top[0]).id().substring(1));
                hits += product % 4 == c % 4 ? 1 : 0;
            }
        }
        assertTrue(tries > 0);
        // a popularity baseline that ignores groups lands in the customer's group about 1 time in 4
        assertTrue(hits >= tries / 5, "top product in the customer's group for " + hits + " of " + tries);
    }

    @Test
    void trainingTwiceOnTheSameDataGivesTheSameModel() {
        Recommender again = train(BANK);
        assertEquals(recommender.modelVersion(), again.modelVersion());
        for (int c = 0; c < CUSTOMERS; c += 41) {
            Customer customer = BANK.customer(c);
            List<Product> candidates = candidatesFor(customer);
            assertArrayEquals(recommender.score(request(customer), candidates),
                    again.score(request(customer), candidates), 1e-9);
        }
    }

    @Test
    void concurrentCallsGiveTheSameScoresAsSequentialOnes() throws Exception {
        int customers = 40;
        double[][] expected = new double[customers][];
        for (int c = 0; c < customers; c++) {
            expected[c] = recommender.score(request(BANK.customer(c)), candidatesFor(BANK.customer(c)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                calls.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (int c = 0; c < customers; c++) {
                            Customer customer = BANK.customer(c);
                            assertArrayEquals(expected[c], recommender.score(request(customer),
                                    candidatesFor(customer)), 1e-9);
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
    void aCustomerUnknownToTheModelIsServedWithoutFailing() {
        Customer newcomer = Customer.builder("never-seen").age(30).segment("new").build();
        Customer newcomerWithHoldings = Customer.builder("never-seen-2").age(30).holding("P0", "P4").build();
        for (Customer customer : List.of(newcomer, newcomerWithHoldings)) {
            List<Product> candidates = candidatesFor(customer);
            double[] scores = recommender.score(request(customer), candidates);
            assertEquals(candidates.size(), scores.length);
            for (int i = 0; i < scores.length; i++) {
                assertFalse(Double.isInfinite(scores[i]));
                if (Double.isFinite(scores[i])) {
                    Explanation explanation = recommender.explain(request(customer), candidates.get(i));
                    assertEquals(scores[i], explanation.score(), 1e-4 * Math.max(1, Math.abs(scores[i])));
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
        RecommendationRequest request = request(BANK.customer(1));
        double[] scores = recommender.score(request, List.of(newProduct, BANK.product(3)));
        assertFalse(Double.isInfinite(scores[1]));
        if (scoresUnseenProducts()) {
            assertTrue(Double.isFinite(scores[0]), "a content model scores a new product, got " + scores[0]);
            assertEquals(scores[0], recommender.explain(request, newProduct).score(),
                    1e-4 * Math.max(1, Math.abs(scores[0])));
        } else {
            assertTrue(Double.isNaN(scores[0]), "a product the model never saw must get NaN, got " + scores[0]);
        }
    }
}
