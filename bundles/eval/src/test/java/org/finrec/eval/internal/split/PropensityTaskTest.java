package org.finrec.eval.internal.split;

import static org.finrec.api.InteractionKind.CLICK;
import static org.finrec.api.InteractionKind.HOLD;
import static org.finrec.api.InteractionKind.PURCHASE;
import static org.finrec.api.InteractionKind.VIEW;
import static org.finrec.eval.internal.split.TinyBank.assertConsistent;
import static org.finrec.eval.internal.split.TinyBank.event;
import static org.finrec.eval.internal.split.TinyBank.holdingIds;
import static org.finrec.eval.internal.split.TinyBank.interactions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.finrec.api.spi.FakeRecommender;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.eval.PropensityResult;
import org.finrec.eval.PropensityTask;
import org.finrec.eval.PropensityTask.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The bank (products A=0, B=1, T=2, Z=3; nobody holds Z; the test recommender scores the attribute {@code score},
 * NaN where it is missing):
 *
 * <pre>
 * customer holds  score  interactions
 * p0       A T    0.9    HOLD A @0, HOLD T @0, VIEW T @1
 * p1       B      -      HOLD B @0, VIEW T @2
 * p2       T      -      PURCHASE T @1
 * p3       T      -      HOLD T @0, CLICK A @3
 * p4       A      -      HOLD A @0, VIEW T @4
 * p5       -      -2     VIEW B @2
 * p6       A B T  -      HOLD A @0, HOLD B @0, HOLD T @0
 * p7       -      -      -
 * </pre>
 *
 * Half of the 8 customers are tested. Seed 1 draws nextInt(8) = 1, nextInt(7) = 4, nextInt(6) = 2, nextInt(5) = 3
 * over [p0 .. p7]: the test customers are p0, p1, p3 and p5 (labels for T: + - + -); the training customers p2, p4,
 * p6 and p7 become customers 0 to 3 of the view.
 */
class PropensityTaskTest {

    private static final double EXACT = 1e-12;

    private static Dataset bank() {
        return TinyBank.dataset(
                List.of(scored("p0", "0.9", "A", "T"), scored("p1", null, "B"), scored("p2", null, "T"),
                        scored("p3", null, "T"), scored("p4", null, "A"), scored("p5", "-2"),
                        scored("p6", null, "A", "B", "T"), scored("p7", null)),
                TinyBank.products("A", "B", "T", "Z"),
                event("p0", HOLD, "A", 0), event("p0", HOLD, "T", 0), event("p0", VIEW, "T", 1),
                event("p1", HOLD, "B", 0), event("p1", VIEW, "T", 2),
                event("p2", PURCHASE, "T", 1),
                event("p3", HOLD, "T", 0), event("p3", CLICK, "A", 3),
                event("p4", HOLD, "A", 0), event("p4", VIEW, "T", 4),
                event("p5", VIEW, "B", 2),
                event("p6", HOLD, "A", 0), event("p6", HOLD, "B", 0), event("p6", HOLD, "T", 0));
    }

    private static Customer scored(String id, String score, String... holdings) {
        Customer.Builder builder = Customer.builder(id).age(40).segment("retail").holding(holdings);
        return score == null ? builder.build() : builder.attribute("score", score).build();
    }

    private static double attributeScore(Customer customer, Product product) {
        return customer.attributes().containsKey("score") ? Double.parseDouble(customer.attributes().get("score"))
                : Double.NaN;
    }

    private static List<String> ids(List<Customer> customers) {
        List<String> ids = new ArrayList<>();
        for (Customer customer : customers) {
            ids.add(customer.id());
        }
        return ids;
    }

    /*
     * Scores: p0 (+) 0.9, p1 (-) NaN, p3 (+) NaN, p5 (-) -2. NaN is the lowest score, so the pairs (positive,
     * negative) give (0.9, NaN) 1, (0.9, -2) 1, (NaN, NaN) 1/2, (NaN, -2) 0: AUC = 2.5 / 4 = 0.625. Dropping the
     * NaN scores would give 1, reading them as 0 would give 0.875.
     */
    @Test
    void theAucOfAHandMadeRecommenderCountsNoOpinionAsTheLowestScore() {
        FakeRecommender recommender = FakeRecommender.perProduct("attribute", "TEST", PropensityTaskTest::attributeScore);
        for (Scenario scenario : Scenario.values()) {
            PropensityTask task = PropensityTask.of(bank(), "T", 0.5, 1, scenario);
            PropensityResult result = task.evaluate(recommender, 1);
            assertEquals(0.625, result.auc(), EXACT, scenario.toString());
            assertEquals(2, result.positives());
            assertEquals(2, result.negatives());
            assertEquals(2, result.noOpinion());
            assertEquals("attribute", result.recommender());
            assertEquals("attribute-v1", result.modelVersion());
            assertEquals(task.description(), result.task());
            assertEquals(Map.of("p0", List.of("T"), "p1", List.of("T"), "p3", List.of("T"), "p5", List.of("T")),
                    recommender.candidateIdsByCustomer);
        }

        // negative infinity ties with NaN: p1 scored -inf changes nothing but the count of NaN scores
        FakeRecommender infinite = FakeRecommender.perProduct("infinite", "TEST", (customer, product) ->
                customer.id().equals("p1") ? Double.NEGATIVE_INFINITY : attributeScore(customer, product));
        PropensityResult result = PropensityTask.of(bank(), "T", 0.5, 1, Scenario.WARM).evaluate(infinite, 1);
        assertEquals(0.625, result.auc(), EXACT);
        assertEquals(1, result.noOpinion());
    }

    @Test
    void testCustomersAreAShareOfAllCustomersWithTheirLabels() {
        Dataset data = bank();
        PropensityTask task = PropensityTask.of(data, "T", 0.5, 1, Scenario.WARM);
        assertEquals(List.of("p0", "p1", "p3", "p5"), ids(task.testCustomers()));
        assertArrayEquals(new boolean[] {true, false, true, false}, task.labels());
        assertEquals(Scenario.WARM, task.scenario());
        assertSame(data.product(2), task.product());
        assertEquals("T", task.product().id());
        assertEquals("propensity of T (warm, test 50% of customers, seed 1)", task.description());
        assertEquals(task.description(), task.toString());
        task.labels()[0] = false;
        assertArrayEquals(new boolean[] {true, false, true, false}, task.labels(), "labels are copies");
        assertThrows(UnsupportedOperationException.class, () -> task.testCustomers().clear());

        PropensityTask again = PropensityTask.of(bank(), "T", 0.5, 1, Scenario.WARM);
        assertEquals(ids(task.testCustomers()), ids(again.testCustomers()));
        assertEquals(interactions(task.train()), interactions(again.train()));

        // seed 0 draws another half: p0, p3, p5 and p6
        PropensityTask other = PropensityTask.of(bank(), "T", 0.5, 0, Scenario.WARM);
        assertEquals(List.of("p0", "p3", "p5", "p6"), ids(other.testCustomers()));
        assertArrayEquals(new boolean[] {true, true, false, true}, other.labels());
        assertEquals(List.of("p1", "p2", "p4", "p7"), trainingIds(other.train()));
    }

    private static List<String> trainingIds(Dataset train) {
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < train.customerCount(); c++) {
            ids.add(train.customer(c).id());
        }
        return ids;
    }

    @Test
    void warmAndNewCustomerTrainOnTheOtherCustomersAsTheyAre() {
        Dataset data = bank();
        for (Scenario scenario : List.of(Scenario.WARM, Scenario.NEW_CUSTOMER)) {
            Dataset train = PropensityTask.of(data, "T", 0.5, 1, scenario).train();
            assertEquals("tiny-train", train.name());
            assertEquals(List.of("p2", "p4", "p6", "p7"), trainingIds(train));
            assertEquals(List.of("p4 HOLD A @0", "p6 HOLD A @0", "p6 HOLD B @0", "p6 HOLD T @0", "p2 PURCHASE T @1",
                    "p4 VIEW T @4"), interactions(train));
            assertEquals(Set.of("T"), holdingIds(train, 0));
            assertEquals(Set.of("A", "B", "T"), holdingIds(train, 2));
            assertSame(data.customer(6), train.customer(2), "training customers are not copied");
            assertSame(data.product(2), train.product(2));
            assertEquals(4, train.productCount());
            assertEquals(2, train.productIndex("T"));
            assertNoTestCustomerIn(train);
            assertConsistent(train);
        }
    }

    @Test
    void newProductHidesTheProductFromEveryTrainingCustomer() {
        Dataset data = bank();
        Dataset train = PropensityTask.of(data, "T", 0.5, 1, Scenario.NEW_PRODUCT).train();
        assertEquals(List.of("p2", "p4", "p6", "p7"), trainingIds(train));
        assertEquals(List.of("p4 HOLD A @0", "p6 HOLD A @0", "p6 HOLD B @0"), interactions(train));
        assertEquals(Set.of(), holdingIds(train, 0));
        assertEquals(Set.of("A"), holdingIds(train, 1));
        assertEquals(Set.of("A", "B"), holdingIds(train, 2));
        assertEquals(Set.of(), train.customer(0).holdings());
        assertEquals(Set.of("A", "B"), train.customer(2).holdings());
        assertSame(data.customer(4), train.customer(1), "a customer without the product is not copied");
        assertEquals(2, train.productIndex("T"), "the new product stays, so it can be scored");
        assertSame(data.product(2), train.product(2));
        assertNoTestCustomerIn(train);
        assertConsistent(train);
    }

    private static void assertNoTestCustomerIn(Dataset train) {
        for (String id : List.of("p0", "p1", "p3", "p5")) {
            assertEquals(-1, train.customerIndex(id), id);
        }
        assertEquals(4, train.customerCount());
    }

    @Test
    void theRecommenderSeesTheTestCustomersAsTheScenarioSays() {
        Map<Scenario, List<Set<String>>> expected = Map.of(
                Scenario.WARM, List.of(Set.of("A"), Set.of("B"), Set.of(), Set.of()),
                Scenario.NEW_PRODUCT, List.of(Set.of("A"), Set.of("B"), Set.of(), Set.of()),
                Scenario.NEW_CUSTOMER, List.of(Set.of(), Set.of(), Set.of(), Set.of()));
        for (Scenario scenario : Scenario.values()) {
            PropensityTask task = PropensityTask.of(bank(), "T", 0.5, 1, scenario);
            List<Set<String>> holdings = new ArrayList<>();
            for (Customer customer : task.testCustomers()) {
                holdings.add(customer.holdings());
                assertEquals(40, customer.age().getAsInt());
                assertEquals("retail", customer.segment().orElseThrow());
            }
            assertEquals(expected.get(scenario), holdings, scenario.toString());
            assertEquals("0.9", task.testCustomers().get(0).attributes().get("score"));

            Map<String, Set<String>> seen = new ConcurrentHashMap<>();
            task.evaluate(FakeRecommender.perProduct("spy", "TEST", (customer, product) -> {
                seen.put(customer.id(), customer.holdings());
                return 0;
            }), 2);
            assertEquals(Map.of("p0", holdings.get(0), "p1", holdings.get(1), "p3", holdings.get(2), "p5",
                    holdings.get(3)), seen);
        }
    }

    @Test
    void theResultDoesNotDependOnTheNumberOfThreads() {
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < 300; c++) {
            customers.add(c % 3 == 0 ? Customer.builder("x" + c).holding("T").build() : Customer.builder("x" + c)
                    .build());
        }
        Dataset data = Dataset.of("many", customers, TinyBank.products("T"), List.of());
        PropensityTask task = PropensityTask.of(data, "T", 0.3, 11, Scenario.WARM);
        assertEquals(90, task.testCustomers().size());
        PropensityResult single = task.evaluate(FakeRecommender.hashed(), 1);
        for (int threads : new int[] {2, 3, 8, 200}) {
            assertEquals(single, task.evaluate(FakeRecommender.hashed(), threads), threads + " threads");
        }
        assertEquals(90, single.positives() + single.negatives());
    }

    @Test
    void aFailingRecommenderEndsTheEvaluationWithItsException() {
        PropensityTask task = PropensityTask.of(bank(), "T", 0.5, 1, Scenario.WARM);
        IllegalStateException failure = new IllegalStateException("model not loaded");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> task.evaluate(
                FakeRecommender.perProduct("failing", "TEST", (customer, product) -> {
                    throw failure;
                }), 3)));
        FakeRecommender twoScores = new FakeRecommender("two", "TEST", (request, candidates) -> new double[2]);
        IllegalStateException wrongLength = assertThrows(IllegalStateException.class,
                () -> task.evaluate(twoScores, 1));
        assertEquals("recommender two returned 2 scores for 1 candidates of customer p0", wrongLength.getMessage());
    }

    @Test
    void rejectsInvalidArguments() {
        Dataset data = bank();
        assertEquals("dataset tiny has no product X", assertThrows(IllegalArgumentException.class,
                () -> PropensityTask.of(data, "X", 0.5, 1, Scenario.WARM)).getMessage());
        assertEquals("testShare must be in (0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> PropensityTask.of(data, "T", 1, 1, Scenario.WARM)).getMessage());
        assertEquals("testShare must be in (0, 1), got 0.0", assertThrows(IllegalArgumentException.class,
                () -> PropensityTask.of(data, "T", 0, 1, Scenario.WARM)).getMessage());
        assertEquals("the 4 test customers of dataset tiny include 0 holders of Z; AUC needs both holders and "
                + "non-holders (change testShare or seed)", assertThrows(IllegalArgumentException.class,
                () -> PropensityTask.of(data, "Z", 0.5, 1, Scenario.NEW_PRODUCT)).getMessage());
        assertThrows(NullPointerException.class, () -> PropensityTask.of(data, "T", 0.5, 1, null));
        assertThrows(NullPointerException.class, () -> PropensityTask.of(null, "T", 0.5, 1, Scenario.WARM));
        PropensityTask task = PropensityTask.of(data, "T", 0.5, 1, Scenario.WARM);
        assertEquals("threads must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> task.evaluate(FakeRecommender.hashed(), 0)).getMessage());
    }
}
