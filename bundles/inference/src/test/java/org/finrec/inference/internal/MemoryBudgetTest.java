package org.finrec.inference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.finrec.api.inference.ModelReservation;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    private static final long MB = 1L << 20;

    @Test
    void admitsReservationsWithinTheBudgetAndNamesTheOneThatDoesNotFit() {
        MemoryBudget budget = new MemoryBudget(200 * MB);
        ModelReservation first = budget.reserve("encoder", 90 * MB);
        ModelReservation second = budget.reserve("encoder-next", 90 * MB);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> budget.reserve("ranker", 30 * MB));
        assertEquals("Model ranker needs 30 MB, but 180 MB of the inference memory budget of 200 MB are reserved "
                + "(configuration org.finrec.inference, memory.budget.mb)", refused.getMessage());
        assertEquals(180 * MB, budget.reserved(), "a refused reservation takes nothing");

        first.close();
        first.close(); // harmless
        assertEquals(90 * MB, budget.reserved());
        assertEquals(0, first.bytes());
        assertTrue(budget.reserve("ranker", 30 * MB).bytes() > 0);
        second.close();
    }

    @Test
    void noBudgetAdmitsEverythingAndALowerBudgetOnlyRefusesNewReservations() {
        MemoryBudget budget = new MemoryBudget(0);
        ModelReservation big = budget.reserve("huge", 10_000 * MB);
        budget.change(100 * MB);
        assertEquals(10_000 * MB, budget.reserved(), "loaded models are never evicted");
        assertThrows(IllegalStateException.class, () -> budget.reserve("small", MB));
        big.close();
        assertEquals(MB, budget.reserve("small", MB).bytes());
    }
}
