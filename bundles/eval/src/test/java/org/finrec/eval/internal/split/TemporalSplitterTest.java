package org.finrec.eval.internal.split;

import static org.finrec.api.InteractionKind.APPLY;
import static org.finrec.api.InteractionKind.CLOSE;
import static org.finrec.api.InteractionKind.HOLD;
import static org.finrec.api.InteractionKind.PURCHASE;
import static org.finrec.api.InteractionKind.VIEW;
import static org.finrec.eval.internal.split.TinyBank.assertCase;
import static org.finrec.eval.internal.split.TinyBank.customer;
import static org.finrec.eval.internal.split.TinyBank.day;
import static org.finrec.eval.internal.split.TinyBank.event;
import static org.finrec.eval.internal.split.TinyBank.holdingIds;
import static org.finrec.eval.internal.split.TinyBank.interactions;
import static org.finrec.eval.internal.split.TinyBank.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.finrec.api.data.Dataset;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;
import org.junit.jupiter.api.Test;

/**
 * The bank (products A=0, B=1, C=2, D=3), split at day 10 with the test period ending at day 20:
 *
 * <pre>
 * customer holds (end) before day 10                                   held @10  in [10, 20)                 case
 * c0       B C D       HOLD A @1, PURCHASE B @3, CLOSE A @5              B         PURCHASE C @12, B @13       C (B was held)
 *                                                                                  (PURCHASE D @25: too late)
 * c1       A           HOLD A @2, VIEW B @4, CLOSE A @6, HOLD A @8       A         PURCHASE A @11              none (A was held)
 * c2       A D         -                                                 -         PURCHASE A @10, D @19, A @15  A D
 * c3       -           VIEW C @9                                         -         APPLY D @14                 none
 *                                                                                  (PURCHASE B @20: end is exclusive)
 * </pre>
 */
class TemporalSplitterTest {

    private static Dataset bank() {
        return TinyBank.dataset(
                List.of(customer("c0", "B", "C", "D"), customer("c1", "A"), customer("c2", "A", "D"), customer("c3")),
                TinyBank.products("A", "B", "C", "D"),
                event("c0", HOLD, "A", 1), event("c0", PURCHASE, "B", 3), event("c0", CLOSE, "A", 5),
                event("c0", PURCHASE, "C", 12), event("c0", PURCHASE, "B", 13), event("c0", PURCHASE, "D", 25),
                event("c1", HOLD, "A", 2), event("c1", VIEW, "B", 4), event("c1", CLOSE, "A", 6),
                event("c1", HOLD, "A", 8), event("c1", PURCHASE, "A", 11),
                event("c2", PURCHASE, "A", 10), event("c2", PURCHASE, "D", 19), event("c2", PURCHASE, "A", 15),
                event("c3", VIEW, "C", 9), event("c3", APPLY, "D", 14), event("c3", PURCHASE, "B", 20));
    }

    @Test
    void trainsOnThePastAndTestsOnProductsAddedInThePeriod() {
        Split split = Splitter.temporal(day(10), day(20)).split(bank());
        Dataset train = split.train();

        assertEquals("temporal (train before 2016-01-11T00:00:00Z, test purchases until 2016-01-21T00:00:00Z)",
                split.protocol());
        assertEquals(List.of("c0 HOLD A @1", "c1 HOLD A @2", "c0 PURCHASE B @3", "c1 VIEW B @4", "c0 CLOSE A @5",
                "c1 CLOSE A @6", "c1 HOLD A @8", "c3 VIEW C @9"), interactions(train));
        assertEquals(Set.of("B"), holdingIds(train, 0));
        assertEquals(Set.of("A"), holdingIds(train, 1));
        assertEquals(Set.of(), holdingIds(train, 2));
        assertEquals(Set.of(), holdingIds(train, 3));
        assertEquals(Set.of("B"), train.customer(0).holdings());
        assertEquals(Set.of(), train.customer(2).holdings());

        assertEquals(List.of(), split.validation());
        assertEquals(2, split.test().size());
        assertCase(split.test().get(0), "c0", ints(2), ints(1));
        assertCase(split.test().get(1), "c2", ints(0, 3), ints());
        assertEquals(Set.of("B"), split.test().get(0).customer().holdings());
    }

    @Test
    void anInteractionJustBeforeASubMillisecondCutoffTrains() {
        Dataset data = TinyBank.dataset(List.of(customer("c0")), TinyBank.products("A", "B"),
                event("c0", HOLD, "A", 10), event("c0", PURCHASE, "B", 11));
        Split split = Splitter.temporal(day(10).plusNanos(1), day(20)).split(data);
        assertEquals(List.of("c0 HOLD A @10"), interactions(split.train()));
        assertCase(split.test().get(0), "c0", ints(1), ints(0));

        Split atTheCutoff = Splitter.temporal(day(10), day(20)).split(data);
        assertEquals(List.of(), interactions(atTheCutoff.train()));
        // HOLD A @10 is in the test period now, and is not a purchase
        assertCase(atTheCutoff.test().get(0), "c0", ints(1), ints());
    }

    @Test
    void aCutoffBeforeEverythingTrainsOnNothingAndOneAfterTestsNothing() {
        Split early = Splitter.temporal(day(-5), day(0)).split(bank());
        assertEquals(0, early.train().interactionCount());
        assertEquals(List.of(), early.test());

        Split late = Splitter.temporal(day(100), day(100).plus(Duration.ofDays(30))).split(bank());
        assertEquals(17, late.train().interactionCount());
        assertEquals(List.of(), late.test());
        assertEquals(Set.of("B", "C", "D"), holdingIds(late.train(), 0));
    }

    @Test
    void rejectsAnEmptyPeriod() {
        assertThrows(IllegalArgumentException.class, () -> Splitter.temporal(day(10), day(10)));
        assertThrows(IllegalArgumentException.class, () -> Splitter.temporal(day(10), day(9)));
    }
}
