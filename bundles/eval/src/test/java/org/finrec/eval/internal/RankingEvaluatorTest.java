package org.finrec.eval.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.finrec.api.spi.FakeRecommender;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.eval.EvaluationCase;
import org.finrec.eval.EvaluationResult;
import org.finrec.eval.Evaluator;
import org.finrec.eval.RankingMetric;
import org.finrec.eval.Split;
import org.junit.jupiter.api.Test;

class RankingEvaluatorTest {

    private static final double EXACT = 1e-12;

    private static Dataset catalogue(int products) {
        List<Product> list = new ArrayList<>();
        for (int p = 0; p < products; p++) {
            list.add(Product.builder("P" + p).build());
        }
        return Dataset.of("catalogue", List.of(), list, List.of());
    }

    private static EvaluationCase evaluationCase(String customer, int[] relevant, int[] excluded) {
        return new EvaluationCase(Customer.builder(customer).build(), relevant, excluded);
    }

    /*
     * Products P0..P4 scored P0 0.5, P1 0.9, P2 0.9, P3 NaN, P4 0.1 for everyone; k = 2.
     *
     * case  relevant  excluded   candidates        top 2               hits
     * u0    {P2}      {P1}       P0 P2 P3 P4       P2, P0              P2 at rank 1
     * u1    {P0, P4}  {}         P0 .. P4          P1, P2 (tie: lower  none
     *                                              index first)
     * u2    {P3}      {P0 P1 P2} P3 P4             P4 (P3 is NaN)      none
     *
     * u0: P 1/2, R 1/1, F1 2/3, NDCG 1, MAP 1 / min(1, 2) = 1, HR 1, MRR 1; u1 and u2: all 0.
     * Means over 3 cases: P 1/6, R 1/3, F1 2/9, NDCG 1/3, MAP 1/3, HR 1/3, MRR 1/3.
     * Coverage: {P0, P1, P2, P4} = 4 of 5 products.
     */
    @Test
    void computesExactMetricsOnATinySplit() {
        Split split = new Split("tiny", catalogue(5), List.of(), List.of(
                evaluationCase("u0", new int[] {2}, new int[] {1}),
                evaluationCase("u1", new int[] {0, 4}, new int[] {}),
                evaluationCase("u2", new int[] {3}, new int[] {0, 1, 2})));
        FakeRecommender recommender = FakeRecommender.fixed("fixed", "TEST", Map.of("P0", 0.5, "P1", 0.9, "P2", 0.9, "P4", 0.1));

        EvaluationResult result = Evaluator.allItems(2).evaluate(recommender, split, 2,
                List.of(RankingMetric.values()), ProgressListener.NONE);

        assertEquals("fixed", result.recommender());
        assertEquals("fixed-v1", result.modelVersion());
        assertEquals("tiny", result.protocol());
        assertEquals(2, result.k());
        assertEquals(3, result.cases());
        assertEquals(List.of("P@2", "R@2", "F1@2", "NDCG@2", "MAP@2", "HR@2", "MRR@2"),
                new ArrayList<>(result.metrics().keySet()));
        assertEquals(1.0 / 6, result.metric("P@2"), EXACT);
        assertEquals(1.0 / 3, result.metric("R@2"), EXACT);
        assertEquals(2.0 / 9, result.metric("F1@2"), EXACT);
        assertEquals(1.0 / 3, result.metric("NDCG@2"), EXACT);
        assertEquals(1.0 / 3, result.metric("MAP@2"), EXACT);
        assertEquals(1.0 / 3, result.metric("HR@2"), EXACT);
        assertEquals(1.0 / 3, result.metric("MRR@2"), EXACT);
        assertEquals(0.8, result.coverage(), EXACT);
        assertTrue(Double.isNaN(result.trainSeconds()));
        assertTrue(result.recommendationsPerSecond() > 0);

        assertEquals(List.of("P0", "P2", "P3", "P4"), recommender.candidateIdsByCustomer.get("u0"));
        assertEquals(List.of("P0", "P1", "P2", "P3", "P4"), recommender.candidateIdsByCustomer.get("u1"));
        assertEquals(List.of("P3", "P4"), recommender.candidateIdsByCustomer.get("u2"));
    }

    /* The excluded products score highest, yet no top-k list contains one: precision is 0 although they are relevant. */
    @Test
    void excludedProductsAreNeverRanked() {
        Random random = new Random(3);
        List<EvaluationCase> cases = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            int[] excluded = randomSubset(random, 30, 1 + random.nextInt(10));
            cases.add(evaluationCase("u" + c, excluded, excluded));
        }
        Split split = new Split("excluded", catalogue(30), List.of(), cases);
        FakeRecommender favoursExcluded = FakeRecommender.perProduct("favours-excluded", "TEST", (customer, product) -> {
            int c = Integer.parseInt(customer.id().substring(1));
            int p = Integer.parseInt(product.id().substring(1));
            return java.util.Arrays.binarySearch(cases.get(c).excluded(), p) >= 0 ? 100 : p;
        });
        EvaluationResult result = Evaluator.allItems(3).evaluate(favoursExcluded, split, 5,
                List.of(RankingMetric.PRECISION, RankingMetric.HIT_RATE), ProgressListener.NONE);
        assertEquals(0.0, result.metric("P@5"), EXACT);
        assertEquals(0.0, result.metric("HR@5"), EXACT);
        for (EvaluationCase evaluationCase : cases) {
            List<String> candidates = favoursExcluded.candidateIdsByCustomer.get(evaluationCase.customer().id());
            assertEquals(30 - evaluationCase.excluded().length, candidates.size());
            for (int p : evaluationCase.excluded()) {
                assertFalse(candidates.contains("P" + p));
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        Random random = new Random(11);
        List<EvaluationCase> cases = new ArrayList<>();
        for (int c = 0; c < 2_500; c++) {
            cases.add(evaluationCase("u" + c, randomSubset(random, 60, 1 + random.nextInt(4)),
                    randomSubset(random, 60, random.nextInt(8))));
        }
        Split split = new Split("random", catalogue(60), List.of(), cases);
        List<RankingMetric> metrics = List.of(RankingMetric.values());
        EvaluationResult single = Evaluator.allItems(1).evaluate(FakeRecommender.hashed(), split, 10, metrics,
                ProgressListener.NONE);
        for (int threads : new int[] {2, 3, 8}) {
            EvaluationResult parallel = Evaluator.allItems(threads).evaluate(FakeRecommender.hashed(), split, 10,
                    metrics, ProgressListener.NONE);
            assertEquals(single.metrics(), parallel.metrics(), threads + " threads");
            assertEquals(single.coverage(), parallel.coverage(), threads + " threads");
            assertEquals(single.cases(), parallel.cases());
        }
        assertTrue(single.metric("NDCG@10") > 0 && single.metric("NDCG@10") < 1);
    }

    @Test
    void reportsProgressAboutEveryThousandCasesAndAtTheEnd() {
        List<EvaluationCase> cases = new ArrayList<>();
        for (int c = 0; c < 2_345; c++) {
            cases.add(evaluationCase("u" + c, new int[] {c % 7}, new int[0]));
        }
        Split split = new Split("progress", catalogue(7), List.of(), cases);
        List<Long> reports = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger wrongTotals = new AtomicInteger();
        Evaluator.allItems(4).evaluate(FakeRecommender.hashed(), split, 3, List.of(RankingMetric.NDCG),
                (step, done, total) -> {
                    reports.add(done);
                    if (total != 2_345 || !step.contains("hashed") || !step.contains("progress")) {
                        wrongTotals.incrementAndGet();
                    }
                });
        List<Long> sorted = new ArrayList<>(reports);
        Collections.sort(sorted);
        assertEquals(List.of(0L, 1_000L, 2_000L, 2_345L), sorted);
        assertEquals(0, wrongTotals.get());
    }

    @Test
    void aFailingRecommenderStopsTheEvaluationWithItsException() {
        List<EvaluationCase> cases = new ArrayList<>();
        for (int c = 0; c < 100; c++) {
            cases.add(evaluationCase("u" + c, new int[] {0}, new int[0]));
        }
        Split split = new Split("failing", catalogue(3), List.of(), cases);
        IllegalStateException failure = new IllegalStateException("model not loaded");
        FakeRecommender failing = FakeRecommender.perProduct("failing", "TEST", (customer, product) -> {
            throw failure;
        });
        assertSame(failure, assertThrows(IllegalStateException.class, () -> Evaluator.allItems(4)
                .evaluate(failing, split, 2, List.of(RankingMetric.NDCG), ProgressListener.NONE)));
    }

    @Test
    void aModelSwappedDuringTheEvaluationEndsItWithAnError() {
        Split split = new Split("swap", catalogue(3), List.of(), List.of(evaluationCase("u0", new int[] {0},
                new int[0]), evaluationCase("u1", new int[] {1}, new int[0])));
        AtomicReference<FakeRecommender> self = new AtomicReference<>();
        FakeRecommender swapping = new FakeRecommender("swapping", "TEST", (request, candidates) -> {
            self.get().serveVersion("swapping-v2"); // a new model arrives while the first case is scored
            return new double[candidates.size()];
        });
        self.set(swapping);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Evaluator.allItems(1)
                .evaluate(swapping, split, 2, List.of(RankingMetric.NDCG), ProgressListener.NONE));
        assertTrue(error.getMessage().contains("swapped its model from swapping-v1 to swapping-v2"),
                error.getMessage());
    }

    @Test
    void aScoreArrayOfTheWrongLengthIsAnError() {
        Split split = new Split("short", catalogue(3), List.of(),
                List.of(evaluationCase("u0", new int[] {0}, new int[0])));
        FakeRecommender wrong = new FakeRecommender("wrong", "TEST", (request, candidates) -> new double[1]);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Evaluator.allItems(1)
                .evaluate(wrong, split, 2, List.of(RankingMetric.NDCG), ProgressListener.NONE));
        assertTrue(error.getMessage().contains("u0"), error.getMessage());
    }

    @Test
    void rejectsInvalidArguments() {
        Split empty = new Split("empty", catalogue(3), List.of(), List.of());
        FakeRecommender recommender = FakeRecommender.hashed();
        assertThrows(IllegalArgumentException.class, () -> Evaluator.allItems(0));
        assertThrows(IllegalArgumentException.class, () -> Evaluator.allItems(1).evaluate(recommender, empty, 5,
                List.of(RankingMetric.NDCG), ProgressListener.NONE));
        Split outOfRange = new Split("range", catalogue(3), List.of(),
                List.of(evaluationCase("u0", new int[] {3}, new int[0])));
        assertThrows(IllegalArgumentException.class, () -> Evaluator.allItems(1).evaluate(recommender, outOfRange,
                5, List.of(RankingMetric.NDCG), ProgressListener.NONE));
        Split unsorted = new Split("unsorted", catalogue(3), List.of(),
                List.of(evaluationCase("u0", new int[] {0}, new int[] {2, 1})));
        assertThrows(IllegalArgumentException.class, () -> Evaluator.allItems(1).evaluate(recommender, unsorted,
                5, List.of(RankingMetric.NDCG), ProgressListener.NONE));
        Split fine = new Split("fine", catalogue(3), List.of(),
                List.of(evaluationCase("u0", new int[] {0}, new int[0])));
        assertThrows(IllegalArgumentException.class, () -> Evaluator.allItems(1).evaluate(recommender, fine, 0,
                List.of(RankingMetric.NDCG), ProgressListener.NONE));
    }

    private static int[] randomSubset(Random random, int bound, int size) {
        return random.ints(0, bound).distinct().limit(size).sorted().toArray();
    }
}
