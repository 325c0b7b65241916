package org.finrec.eval.internal.split;

import static org.finrec.api.InteractionKind.CLICK;
import static org.finrec.api.InteractionKind.CLOSE;
import static org.finrec.api.InteractionKind.HOLD;
import static org.finrec.api.InteractionKind.PURCHASE;
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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.finrec.api.data.Dataset;
import org.finrec.eval.EvaluationCase;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;
import org.junit.jupiter.api.Test;

/**
 * The bank (products A=0, B=1, C=2, D=3; interactions sorted by day, ties in input order):
 *
 * <pre>
 * customer holds   interactions
 * c0       A B C   HOLD A @1, HOLD B @1, VIEW C @2, PURCHASE C @3, CLICK B @4
 * c1       -       VIEW A @1
 * c2       D       PURCHASE D @2, VIEW D @5
 * c3       A D     HOLD A @0, HOLD D @0, CLOSE B @6
 * </pre>
 *
 * One SplittableRandom(seed) draws nextInt(holdings) for c0, c2 and c3 in that order. Seed 1 draws 2, 0, 0: c0
 * loses C, c2 loses D, c3 loses A. Seed 5 draws 0, 0, 1: c0 loses A, c2 loses D, c3 loses D.
 */
class MaskedHoldingsSplitterTest {

    private static Dataset bank() {
        return TinyBank.dataset(
                List.of(customer("c0", "A", "B", "C"), customer("c1"), customer("c2", "D"), customer("c3", "A", "D")),
                TinyBank.products("A", "B", "C", "D"),
                event("c0", HOLD, "A", 1), event("c0", HOLD, "B", 1), event("c0", VIEW, "C", 2),
                event("c0", PURCHASE, "C", 3), event("c0", CLICK, "B", 4),
                event("c1", VIEW, "A", 1),
                event("c2", PURCHASE, "D", 2), event("c2", VIEW, "D", 5),
                event("c3", HOLD, "A", 0), event("c3", HOLD, "D", 0), event("c3", CLOSE, "B", 6));
    }

    @Test
    void hidesOneHeldProductPerCustomerAndItsOwnershipEvents() {
        Dataset data = bank();
        Split split = Splitter.maskedHoldings(1).split(data);
        Dataset train = split.train();

        assertEquals("masked holdings (seed 1)", split.protocol());
        // removed: c3 HOLD A @0, c2 PURCHASE D @2, c0 PURCHASE C @3; VIEW C, VIEW D and CLOSE B stay
        assertEquals(List.of("c3 HOLD D @0", "c0 HOLD A @1", "c0 HOLD B @1", "c1 VIEW A @1", "c0 VIEW C @2",
                "c0 CLICK B @4", "c2 VIEW D @5", "c3 CLOSE B @6"), interactions(train));
        assertEquals(Set.of("A", "B"), holdingIds(train, 0));
        assertEquals(Set.of(), holdingIds(train, 1));
        assertEquals(Set.of(), holdingIds(train, 2));
        assertEquals(Set.of("D"), holdingIds(train, 3));
        assertEquals(Set.of("A", "B"), train.customer(0).holdings());
        assertEquals(Set.of("D"), train.customer(3).holdings());
        assertSame(data.customer(1), train.customer(1), "a customer with nothing hidden is not copied");

        assertEquals(List.of(), split.validation());
        List<EvaluationCase> test = split.test();
        assertEquals(3, test.size());
        assertCase(test.get(0), "c0", ints(2), ints(0, 1));
        assertCase(test.get(1), "c2", ints(3), ints());
        assertCase(test.get(2), "c3", ints(0), ints(3));
        assertEquals(Set.of("A", "B"), test.get(0).customer().holdings());
        assertEquals(Set.of(), test.get(1).customer().holdings());
    }

    @Test
    void theViewSharesCustomersAndProductsWithTheDataset() {
        Dataset data = bank();
        Dataset train = Splitter.maskedHoldings(1).split(data).train();
        assertEquals(data.customerCount(), train.customerCount());
        assertEquals(data.productCount(), train.productCount());
        assertSame(data.product(2), train.product(2));
        assertEquals(2, train.productIndex("C"));
        assertEquals(3, train.customerIndex("c3"));
        assertEquals(-1, train.customerIndex("nobody"));
        assertEquals("tiny-train", train.name());
        assertEquals(data.customer(0).age(), train.customer(0).age());
        assertEquals(data.customer(0).segment(), train.customer(0).segment());
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedMayNot() {
        Split first = Splitter.maskedHoldings(1).split(bank());
        Split again = Splitter.maskedHoldings(1).split(bank());
        assertEquals(interactions(first.train()), interactions(again.train()));
        assertEquals(describe(first.test()), describe(again.test()));

        Split other = Splitter.maskedHoldings(5).split(bank());
        assertEquals(List.of("c0 [0] excl [1, 2]", "c2 [3] excl []", "c3 [3] excl [0]"), describe(other.test()));
        assertNotEquals(describe(first.test()), describe(other.test()));
    }

    @Test
    void theViewNeverExposesAHiddenProduct() {
        for (long seed = 0; seed < 20; seed++) {
            Split split = Splitter.maskedHoldings(seed).split(bank());
            Dataset train = split.train();
            for (EvaluationCase evaluationCase : split.test()) {
                int c = train.customerIndex(evaluationCase.customer().id());
                int hidden = evaluationCase.relevant()[0];
                String hiddenId = train.product(hidden).id();
                assertFalse(holdingIds(train, c).contains(hiddenId));
                assertFalse(train.customer(c).holdings().contains(hiddenId));
                assertFalse(evaluationCase.customer().holdings().contains(hiddenId));
                for (int i = 0; i < train.interactionCount(); i++) {
                    assertFalse(train.interactionCustomer(i) == c && train.interactionProduct(i) == hidden
                            && train.interactionKind(i).isOwnership(), "seed " + seed + ", interaction " + i);
                }
                assertArrayEquals(train.holdings(c), evaluationCase.excluded());
            }
        }
    }

    @Test
    void interactionsOfTheViewStayInTimeOrder() {
        Dataset train = Splitter.maskedHoldings(3).split(bank()).train();
        for (int i = 1; i < train.interactionCount(); i++) {
            assertTrue(train.interactionEpochMillis(i - 1) <= train.interactionEpochMillis(i));
        }
    }
}
