package org.finrec.eval.internal.split;

import static org.finrec.api.InteractionKind.PURCHASE;
import static org.finrec.api.InteractionKind.VIEW;
import static org.finrec.eval.internal.split.TinyBank.assertCase;
import static org.finrec.eval.internal.split.TinyBank.customer;
import static org.finrec.eval.internal.split.TinyBank.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.finrec.api.data.Dataset;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;
import org.junit.jupiter.api.Test;

/**
 * Training products A=0, B=1, C=2, D=3; the test dataset lists them in another order (C, A, B) and adds E.
 *
 * <pre>
 * test customer holds  interactions              case (training indices)
 * v0            A      PURCHASE C, PURCHASE B    relevant {B=1, C=2}, excluded {A=0}
 * v1            B      VIEW A                    none (no purchase)
 * v2            A C    PURCHASE C                relevant {C=2}, excluded {A=0}: C is dropped from the holdings
 * </pre>
 */
class TrainTestSplitterTest {

    private static Dataset training() {
        return TinyBank.dataset(List.of(customer("t0", "A")), TinyBank.products("A", "B", "C", "D"),
                event("t0", PURCHASE, "A", 1));
    }

    private static Dataset testData(String extraPurchase) {
        List<org.finrec.api.Interaction> events = new java.util.ArrayList<>(List.of(
                event("v0", PURCHASE, "C", 30), event("v0", PURCHASE, "B", 31), event("v1", VIEW, "A", 30),
                event("v2", PURCHASE, "C", 32)));
        if (extraPurchase != null) {
            events.add(event("v1", PURCHASE, extraPurchase, 33));
        }
        return Dataset.of("tiny-test", List.of(customer("v0", "A"), customer("v1", "B"), customer("v2", "A", "C")),
                TinyBank.products("C", "A", "B", "E"), events);
    }

    @Test
    void purchasesAreRelevantAndHoldingsExcludedInTrainingIndices() {
        Dataset train = training();
        Dataset test = testData(null);
        Split split = Splitter.trainTest(test).split(train);

        assertSame(train, split.train());
        assertEquals("train/test (test: tiny-test)", split.protocol());
        assertEquals(List.of(), split.validation());
        assertEquals(2, split.test().size());
        assertCase(split.test().get(0), "v0", TinyBank.ints(1, 2), TinyBank.ints(0));
        assertSame(test.customer(0), split.test().get(0).customer());
        assertCase(split.test().get(1), "v2", TinyBank.ints(2), TinyBank.ints(0));
        assertEquals(Set.of("A"), split.test().get(1).customer().holdings());
    }

    @Test
    void aProductUnknownToTheTrainingDatasetIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Splitter.trainTest(testData("E")).split(training()));
        assertTrue(error.getMessage().contains("tiny-test"), error.getMessage());
        assertTrue(error.getMessage().endsWith(": E"), error.getMessage());
    }

    @Test
    void anUnknownProductNobodyPurchasesOrHoldsIsFine() {
        assertEquals(2, Splitter.trainTest(testData(null)).split(training()).test().size());
    }
}
