package org.finrec.eval.internal.split;

import static org.finrec.eval.internal.split.TinyBank.assertCase;
import static org.finrec.eval.internal.split.TinyBank.assertConsistent;
import static org.finrec.eval.internal.split.TinyBank.describe;
import static org.finrec.eval.internal.split.TinyBank.holdingIds;
import static org.finrec.eval.internal.split.TinyBank.interactions;
import static org.finrec.eval.internal.split.TinyBank.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.finrec.api.Customer;
import org.finrec.api.data.Dataset;
import org.finrec.eval.EvaluationCase;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;
import org.junit.jupiter.api.Test;

/**
 * On {@link TinyBank#fiveCustomers()}: the holders are c0, c2, c3 and c4, and half of them (2) become new. Seed 1
 * draws nextInt(4) = 1 and nextInt(3) = 0: holders [0, 2, 3, 4] become [2, 0, 3, 4], so c2 and c0 are new. Seed 4
 * draws 2 and 2: [3, 2, 0, 4], then [3, 4, 0, 2], so c3 and c4 are new.
 */
class NewCustomersSplitterTest {

    @Test
    void newCustomersLoseEveryHoldingAndInteractionButKeepTheirProfile() {
        Dataset data = TinyBank.fiveCustomers();
        Split split = Splitter.newCustomers(0.5, 1).split(data);
        Dataset train = split.train();

        assertEquals("new customers 50% (seed 1)", split.protocol());
        assertEquals(List.of("c3 HOLD A @0", "c3 HOLD D @0", "c1 VIEW A @1", "c4 VIEW B @3", "c1 VIEW D @4",
                "c3 CLOSE B @6"), interactions(train));
        assertEquals(Set.of(), holdingIds(train, 0));
        assertEquals(Set.of(), holdingIds(train, 2));
        assertEquals(Set.of("A", "D"), holdingIds(train, 3));
        assertEquals(Set.of("B"), holdingIds(train, 4));
        Customer c0 = train.customer(0);
        assertEquals(Set.of(), c0.holdings());
        assertEquals(data.customer(0).age(), c0.age());
        assertEquals(data.customer(0).segment(), c0.segment());
        assertEquals(Set.of(), train.customer(2).holdings());
        assertSame(data.customer(1), train.customer(1), "other customers are unchanged");
        assertSame(data.customer(3), train.customer(3), "other customers are unchanged");
        assertEquals(5, train.customerCount());
        assertEquals(0, train.customerIndex("c0"), "a new customer keeps its index");
        assertConsistent(train);

        assertEquals(List.of(), split.validation());
        List<EvaluationCase> test = split.test();
        assertEquals(2, test.size());
        assertCase(test.get(0), "c0", ints(0, 1, 2), ints());
        assertCase(test.get(1), "c2", ints(3), ints());
        assertEquals(c0, test.get(0).customer());
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedMayNot() {
        Split first = Splitter.newCustomers(0.5, 1).split(TinyBank.fiveCustomers());
        Split again = Splitter.newCustomers(0.5, 1).split(TinyBank.fiveCustomers());
        assertEquals(interactions(first.train()), interactions(again.train()));
        assertEquals(describe(first.test()), describe(again.test()));

        Split other = Splitter.newCustomers(0.5, 4).split(TinyBank.fiveCustomers());
        assertEquals(List.of("c3 [0, 3] excl []", "c4 [1] excl []"), describe(other.test()));
        assertEquals(List.of("c0 HOLD A @1", "c0 HOLD B @1", "c1 VIEW A @1", "c0 VIEW C @2", "c2 PURCHASE D @2",
                "c0 PURCHASE C @3", "c0 CLICK B @4", "c1 VIEW D @4", "c2 VIEW D @5"), interactions(other.train()));
        assertNotEquals(describe(first.test()), describe(other.test()));
    }

    @Test
    void theShareOfHoldersIsRoundedAndCustomersWithoutHoldingsNeverBecomeNew() {
        double[] shares = {0.1, 0.2, 0.25, 0.6, 0.65, 0.9};
        int[] expected = {0, 1, 1, 2, 3, 4};
        for (int s = 0; s < shares.length; s++) {
            for (long seed = 0; seed < 10; seed++) {
                List<String> cases = describe(Splitter.newCustomers(shares[s], seed).split(TinyBank.fiveCustomers())
                        .test());
                assertEquals(expected[s], cases.size(), "share " + shares[s]);
                assertTrue(cases.stream().noneMatch(c -> c.startsWith("c1 ")), cases.toString());
            }
        }
    }

    @Test
    void theViewNeverExposesANewCustomersHoldingsOrInteractions() {
        for (long seed = 0; seed < 20; seed++) {
            Split split = Splitter.newCustomers(0.5, seed).split(TinyBank.fiveCustomers());
            Dataset train = split.train();
            assertConsistent(train);
            for (EvaluationCase evaluationCase : split.test()) {
                int c = train.customerIndex(evaluationCase.customer().id());
                assertEquals(0, train.holdings(c).length, "seed " + seed);
                assertEquals(Set.of(), train.customer(c).holdings());
                assertEquals(Set.of(), evaluationCase.customer().holdings());
                for (int i = 0; i < train.interactionCount(); i++) {
                    assertNotEquals(c, train.interactionCustomer(i), "seed " + seed + ", interaction " + i);
                }
            }
            assertEquals(13 - hiddenInteractions(split), train.interactionCount(), "only theirs are dropped");
        }
    }

    /** The interactions of the case customers in {@link TinyBank#fiveCustomers()}. */
    private static int hiddenInteractions(Split split) {
        int[] perCustomer = {5, 2, 2, 3, 1};
        int hidden = 0;
        for (EvaluationCase evaluationCase : split.test()) {
            hidden += perCustomer[Integer.parseInt(evaluationCase.customer().id().substring(1))];
        }
        return hidden;
    }

    @Test
    void rejectsAShareOutsideZeroToOne() {
        for (double share : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> Splitter.newCustomers(share, 1));
            assertEquals("testShare must be in (0, 1), got " + share, error.getMessage());
        }
    }
}
