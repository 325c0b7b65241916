package org.finrec.eval.internal.split;

import static org.finrec.api.InteractionKind.VIEW;
import static org.finrec.eval.internal.split.TinyBank.assertCase;
import static org.finrec.eval.internal.split.TinyBank.customer;
import static org.finrec.eval.internal.split.TinyBank.describe;
import static org.finrec.eval.internal.split.TinyBank.event;
import static org.finrec.eval.internal.split.TinyBank.holdingIds;
import static org.finrec.eval.internal.split.TinyBank.interactions;
import static org.finrec.eval.internal.split.TinyBank.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.data.Dataset;
import org.finrec.eval.EvaluationCase;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;
import org.junit.jupiter.api.Test;

/**
 * The bank (products P0 .. P9, every interaction a VIEW on its own day):
 *
 * <pre>
 * customer holds   interactions          parts at 0.8/0.1/0.1 (train, validation, test)
 * c0       -       P0 .. P9              8, 1, 1
 * c1       -       P0 P1 P2              1, 1, 1
 * c2       -       P3 P4                 1, 0, 1
 * c3       -       P5                    1, 0, 0
 * c4       P0 P1   P0 P1 P2 P3 P4        3, 1, 1
 * c5       -       P7 P7                 2, 0, 0   (copies: one unit, which train keeps)
 * c6       P8      P8 P8 P8              3, 0, 0   (copies: one unit; the view still holds P8)
 * </pre>
 *
 * Copies (the same product and kind) always stay in one part; {@link #copiesOfAnAnswerAreNeverTrainedOn} checks
 * it on the bank with every interaction given twice.
 */
class RandomPerUserSplitterTest {

    private static Dataset bank() {
        return bank(1);
    }

    /** The bank with every interaction given {@code copies} times. */
    private static Dataset bank(int copies) {
        List<Customer> customers = List.of(customer("c0"), customer("c1"), customer("c2"), customer("c3"),
                customer("c4", "P0", "P1"), customer("c5"), customer("c6", "P8"));
        List<Interaction> events = new ArrayList<>();
        int day = 0;
        for (int p = 0; p < 10; p++) {
            events.add(event("c0", VIEW, "P" + p, day++));
        }
        for (int p = 0; p < 3; p++) {
            events.add(event("c1", VIEW, "P" + p, day++));
        }
        events.add(event("c2", VIEW, "P3", day++));
        events.add(event("c2", VIEW, "P4", day++));
        events.add(event("c3", VIEW, "P5", day++));
        for (int p = 0; p < 5; p++) {
            events.add(event("c4", VIEW, "P" + p, day++));
        }
        events.add(event("c5", VIEW, "P7", day++));
        events.add(event("c5", VIEW, "P7", day++));
        for (int i = 0; i < 3; i++) {
            events.add(event("c6", VIEW, "P8", day++));
        }
        List<Interaction> copied = new ArrayList<>();
        for (Interaction event : events) {
            for (int i = 0; i < copies; i++) {
                copied.add(event);
            }
        }
        return TinyBank.dataset(customers, TinyBank.products("P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8",
                "P9"), copied.toArray(new Interaction[0]));
    }

    @Test
    void partSizesFollowRecBole() {
        // floor(0.1 n) each for validation and test, the rest train; then, while train keeps more than one, test
        // and validation get one each if 0 < 0.1 n < 1.
        RandomPerUserSplitter splitter = new RandomPerUserSplitter(0.8, 0.1, 1);
        assertArrayEquals(ints(0, 0, 0), splitter.partSizes(0));
        assertArrayEquals(ints(1, 0, 0), splitter.partSizes(1)); // train keeps its only one
        assertArrayEquals(ints(1, 0, 1), splitter.partSizes(2)); // test takes one, train is down to 1
        assertArrayEquals(ints(1, 1, 1), splitter.partSizes(3));
        assertArrayEquals(ints(3, 1, 1), splitter.partSizes(5));
        assertArrayEquals(ints(8, 1, 1), splitter.partSizes(10)); // 0.1 x 10 is 1, not 0.99999...
        assertArrayEquals(ints(13, 1, 1), splitter.partSizes(15)); // floor(1.5) = 1
        assertArrayEquals(ints(16, 2, 2), splitter.partSizes(20));

        RandomPerUserSplitter noValidation = new RandomPerUserSplitter(0.5, 0, 1);
        assertArrayEquals(ints(1, 0, 0), noValidation.partSizes(1)); // 0.5 would be test, but train keeps one
        assertArrayEquals(ints(1, 0, 1), noValidation.partSizes(2));
        assertArrayEquals(ints(2, 0, 1), noValidation.partSizes(3)); // floor(1.5) = 1

        RandomPerUserSplitter noTest = new RandomPerUserSplitter(0.7, 0.3, 1);
        assertArrayEquals(ints(2, 1, 0), noTest.partSizes(3)); // test share 0
        assertArrayEquals(ints(7, 3, 0), noTest.partSizes(10));
    }

    @Test
    void everyInteractionGoesToExactlyOnePartWithTheRecBoleSizes() {
        Dataset data = bank();
        Split split = Splitter.randomPerUser(0.8, 0.1, 42).split(data);
        Dataset train = split.train();
        int[] expectedTrain = {8, 1, 1, 1, 3, 2, 3};
        Map<String, Integer> trainCounts = new TreeMap<>();
        for (int i = 0; i < train.interactionCount(); i++) {
            trainCounts.merge(train.customer(train.interactionCustomer(i)).id(), 1, Integer::sum);
        }
        for (int c = 0; c < expectedTrain.length; c++) {
            assertEquals(expectedTrain[c], trainCounts.get("c" + c), "c" + c);
        }
        for (int i = 1; i < train.interactionCount(); i++) {
            assertTrue(train.interactionEpochMillis(i - 1) <= train.interactionEpochMillis(i));
        }
        assertEquals(List.of("c0", "c1", "c4"), ids(split.validation()));
        assertEquals(List.of("c0", "c1", "c2", "c4"), ids(split.test()));
    }

    @Test
    void casesFollowRecBoleHistoryConventions() {
        Dataset data = bank();
        Split split = Splitter.randomPerUser(0.8, 0.1, 42).split(data);
        Dataset train = split.train();
        for (EvaluationCase validation : split.validation()) {
            int c = train.customerIndex(validation.customer().id());
            Set<Integer> seen = trainProducts(train, c);
            seen.addAll(toSet(train.holdings(c)));
            seen.removeAll(toSet(validation.relevant()));
            assertEquals(seen, toSet(validation.excluded()), validation.customer().id());
        }
        for (EvaluationCase test : split.test()) {
            int c = train.customerIndex(test.customer().id());
            Set<Integer> seen = trainProducts(train, c);
            seen.addAll(toSet(train.holdings(c)));
            split.validation().stream().filter(v -> v.customer().id().equals(test.customer().id()))
                    .forEach(v -> seen.addAll(toSet(v.relevant())));
            seen.removeAll(toSet(test.relevant()));
            assertEquals(seen, toSet(test.excluded()), test.customer().id());
        }
        // the customers whose answer does not depend on the shuffle: only copies, all trained on
        assertEquals(Set.of("P8"), holdingIds(train, 6));
        assertEquals(Set.of("P8"), train.customer(6).holdings());
    }

    @Test
    void copiesOfAnAnswerAreNeverTrainedOn() {
        Dataset data = bank(2);
        for (long s = 0; s < 50; s++) {
            long seed = s;
            Split split = Splitter.randomPerUser(0.6, 0.2, seed).split(data);
            Dataset train = split.train();
            List<EvaluationCase> heldOut = new ArrayList<>(split.validation());
            heldOut.addAll(split.test());
            assertFalse(split.test().isEmpty());
            for (EvaluationCase evaluationCase : heldOut) {
                int c = train.customerIndex(evaluationCase.customer().id());
                Set<Integer> trained = trainProducts(train, c);
                for (int product : evaluationCase.relevant()) {
                    assertFalse(trained.contains(product), () -> "seed " + seed + ": customer "
                            + evaluationCase.customer().id() + " trains on a copy of its answer " + product);
                }
            }
            assertEquals(0, train.interactionCount() % 2, "copies stay together, so train has pairs");
        }
    }

    @Test
    void theViewHidesHeldOutProductsFromHoldings() {
        Split split = Splitter.randomPerUser(0.8, 0.1, 42).split(bank());
        Dataset train = split.train();
        List<EvaluationCase> heldOut = new ArrayList<>(split.validation());
        heldOut.addAll(split.test());
        for (EvaluationCase evaluationCase : heldOut) {
            int c = train.customerIndex(evaluationCase.customer().id());
            for (int product : evaluationCase.relevant()) {
                String id = train.product(product).id();
                assertFalse(holdingIds(train, c).contains(id));
                assertFalse(train.customer(c).holdings().contains(id));
                assertFalse(evaluationCase.customer().holdings().contains(id));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSplit() {
        Split first = Splitter.randomPerUser(0.8, 0.1, 42).split(bank());
        Split again = Splitter.randomPerUser(0.8, 0.1, 42).split(bank());
        assertEquals(interactions(first.train()), interactions(again.train()));
        assertEquals(describe(first.validation()), describe(again.validation()));
        assertEquals(describe(first.test()), describe(again.test()));

        Split other = Splitter.randomPerUser(0.8, 0.1, 7).split(bank());
        assertNotEquals(interactions(first.train()), interactions(other.train()));
    }

    @Test
    void seed42GivesThisSplit() {
        // pinned so that a change in how the seed is used shows up; the cases satisfy the conventions above
        Split split = Splitter.randomPerUser(0.8, 0.1, 42).split(bank());
        assertEquals(List.of("c0 [6] excl [0, 2, 3, 4, 5, 7, 8, 9]", "c1 [1] excl [2]", "c4 [4] excl [0, 2, 3]"),
                describe(split.validation()));
        assertEquals(List.of("c0 [1] excl [0, 2, 3, 4, 5, 6, 7, 8, 9]", "c1 [0] excl [1, 2]", "c2 [3] excl [4]",
                "c4 [1] excl [0, 2, 3, 4]"), describe(split.test()));
        // c4 held P0 and P1; P1 is its test product
        assertEquals(Set.of("P0"), holdingIds(split.train(), 4));
        assertEquals(Set.of("P0"), split.test().get(3).customer().holdings());
    }

    @Test
    void rejectsSharesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> Splitter.randomPerUser(0, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> Splitter.randomPerUser(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Splitter.randomPerUser(0.8, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> Splitter.randomPerUser(0.8, 0.3, 1));
        assertThrows(IllegalArgumentException.class, () -> Splitter.randomPerUser(Double.NaN, 0.1, 1));
    }

    private static Set<Integer> trainProducts(Dataset train, int customer) {
        Set<Integer> products = new TreeSet<>();
        for (int i = 0; i < train.interactionCount(); i++) {
            if (train.interactionCustomer(i) == customer) {
                products.add(train.interactionProduct(i));
            }
        }
        return products;
    }

    private static Set<Integer> toSet(int[] values) {
        Set<Integer> set = new TreeSet<>();
        for (int value : values) {
            set.add(value);
        }
        return set;
    }

    private static List<String> ids(List<EvaluationCase> cases) {
        return cases.stream().map(c -> c.customer().id()).toList();
    }
}
