package org.finrec.eval.internal.split;

import static org.finrec.api.InteractionKind.PURCHASE;
import static org.finrec.api.InteractionKind.VIEW;
import static org.finrec.eval.internal.split.TinyBank.assertCase;
import static org.finrec.eval.internal.split.TinyBank.customer;
import static org.finrec.eval.internal.split.TinyBank.event;
import static org.finrec.eval.internal.split.TinyBank.holdingIds;
import static org.finrec.eval.internal.split.TinyBank.interactions;
import static org.finrec.eval.internal.split.TinyBank.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Set;
import org.finrec.api.data.Dataset;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;
import org.junit.jupiter.api.Test;

/**
 * The bank (products A=0 .. F=5; interactions sorted by day, ties in input order):
 *
 * <pre>
 * customer holds  interactions (time order)              train     validation  test
 * c0       -      VIEW A @1, VIEW B @2, VIEW C @3, VIEW D @4   A B       C           D
 * c1       -      VIEW E @1, PURCHASE A @2                      E A (fewer than three: all train)
 * c2       B F    VIEW E @1, PURCHASE B @2, VIEW C @3,          E         C           B B (both copies)
 *                 PURCHASE B @4
 * c3       -      VIEW A @5, VIEW B @5, VIEW C @5 (same day)    A         B           C
 * c4       -      VIEW A @6, VIEW B @7, VIEW C @8, VIEW C @9    A         B           C C (both copies)
 * </pre>
 *
 * Excluded: validation = training products and the view's holdings; test = those and the validation product.
 * c2's view holdings are {F} (B and C are held out). A copy of a held-out interaction (same product and kind) is
 * held out with it, never trained on; the validation interaction is the last one of another (product, kind).
 */
class LeaveOneOutSplitterTest {

    private static Dataset bank() {
        return TinyBank.dataset(
                List.of(customer("c0"), customer("c1"), customer("c2", "B", "F"), customer("c3"), customer("c4")),
                TinyBank.products("A", "B", "C", "D", "E", "F"),
                event("c0", VIEW, "A", 1), event("c0", VIEW, "B", 2), event("c0", VIEW, "C", 3),
                event("c0", VIEW, "D", 4),
                event("c1", VIEW, "E", 1), event("c1", PURCHASE, "A", 2),
                event("c2", VIEW, "E", 1), event("c2", PURCHASE, "B", 2), event("c2", VIEW, "C", 3),
                event("c2", PURCHASE, "B", 4),
                event("c3", VIEW, "A", 5), event("c3", VIEW, "B", 5), event("c3", VIEW, "C", 5),
                event("c4", VIEW, "A", 6), event("c4", VIEW, "B", 7), event("c4", VIEW, "C", 8),
                event("c4", VIEW, "C", 9));
    }

    @Test
    void holdsOutTheLastTwoInteractionsOfCustomersWithAtLeastThree() {
        Dataset data = bank();
        Split split = Splitter.leaveOneOut().split(data);
        Dataset train = split.train();

        assertEquals("leave-one-out", split.protocol());
        assertEquals(List.of("c0 VIEW A @1", "c1 VIEW E @1", "c2 VIEW E @1", "c0 VIEW B @2",
                "c1 PURCHASE A @2", "c3 VIEW A @5", "c4 VIEW A @6"), interactions(train));

        assertEquals(4, split.validation().size());
        assertCase(split.validation().get(0), "c0", ints(2), ints(0, 1));
        assertCase(split.validation().get(1), "c2", ints(2), ints(4, 5));
        assertCase(split.validation().get(2), "c3", ints(1), ints(0));
        assertCase(split.validation().get(3), "c4", ints(1), ints(0));

        assertEquals(4, split.test().size());
        assertCase(split.test().get(0), "c0", ints(3), ints(0, 1, 2));
        assertCase(split.test().get(1), "c2", ints(1), ints(2, 4, 5));
        assertCase(split.test().get(2), "c3", ints(2), ints(0, 1));
        assertCase(split.test().get(3), "c4", ints(2), ints(0, 1));

        // a test case's sequence ends with the validation interaction; a validation case knows only training
        assertEquals(List.of(event("c0", VIEW, "C", 3)), split.test().get(0).recentEvents());
        assertEquals(List.of(event("c2", VIEW, "C", 3)), split.test().get(1).recentEvents());
        assertEquals(List.of(event("c3", VIEW, "B", 5)), split.test().get(2).recentEvents());
        assertEquals(List.of(event("c4", VIEW, "B", 7)), split.test().get(3).recentEvents());
        assertEquals(List.of(), split.validation().get(0).recentEvents());
    }

    @Test
    void theViewHidesHeldOutProductsFromHoldings() {
        Dataset data = bank();
        Split split = Splitter.leaveOneOut().split(data);
        Dataset train = split.train();
        assertEquals(Set.of("F"), holdingIds(train, 2));
        assertEquals(Set.of("F"), train.customer(2).holdings());
        assertEquals(Set.of("F"), split.test().get(1).customer().holdings());
        assertEquals(Set.of("B", "F"), holdingIds(data, 2));
        assertSame(data.customer(0), train.customer(0));
    }

    @Test
    void customersWithFewerThanThreeDistinctProductAndKindPairsOnlyTrain() {
        Dataset data = TinyBank.dataset(List.of(customer("c0")), TinyBank.products("A", "B"),
                event("c0", VIEW, "A", 1), event("c0", VIEW, "B", 2), event("c0", VIEW, "A", 3),
                event("c0", VIEW, "B", 4));
        Split split = Splitter.leaveOneOut().split(data);
        assertEquals(List.of(), split.test());
        assertEquals(List.of(), split.validation());
        assertEquals(interactions(data), interactions(split.train()));
    }

    @Test
    void customersWithFewerThanThreeInteractionsOnlyTrain() {
        Dataset data = TinyBank.dataset(List.of(customer("c0"), customer("c1")), TinyBank.products("A", "B"),
                event("c0", VIEW, "A", 1), event("c0", VIEW, "B", 2), event("c1", VIEW, "B", 3));
        Split split = Splitter.leaveOneOut().split(data);
        assertEquals(List.of(), split.test());
        assertEquals(List.of(), split.validation());
        assertEquals(interactions(data), interactions(split.train()));
    }
}
