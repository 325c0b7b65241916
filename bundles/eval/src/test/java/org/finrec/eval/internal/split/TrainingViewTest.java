package org.finrec.eval.internal.split;

import static org.finrec.api.InteractionKind.HOLD;
import static org.finrec.api.InteractionKind.VIEW;
import static org.finrec.eval.internal.split.TinyBank.customer;
import static org.finrec.eval.internal.split.TinyBank.event;
import static org.finrec.eval.internal.split.TinyBank.interactions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.finrec.api.Customer;
import org.finrec.api.data.Dataset;
import org.junit.jupiter.api.Test;

class TrainingViewTest {

    private static Dataset data() {
        return TinyBank.dataset(List.of(customer("c0", "A", "B"), customer("c1")), TinyBank.products("A", "B"),
                event("c0", HOLD, "A", 1), event("c1", VIEW, "B", 2), event("c0", HOLD, "B", 3));
    }

    @Test
    void keepsChosenInteractionsReindexedAndReplacesHoldings() {
        Dataset data = data();
        TrainingView view = TrainingView.keeping(data, "view", new int[][] {{0}, null}, new int[] {0, 2});
        assertEquals(List.of("c0 HOLD A @1", "c0 HOLD B @3"), interactions(view));
        assertEquals(2, view.interactionCount());
        assertEquals(1.0, view.interactionWeight(1));
        assertArrayEquals(new int[] {0}, view.holdings(0));
        assertArrayEquals(new int[0], view.holdings(1));
        Customer c0 = view.customer(0);
        assertEquals(Set.of("A"), c0.holdings());
        assertEquals(data.customer(0).age(), c0.age());
        assertEquals("view", view.name());
    }

    @Test
    void aPrefixViewKeepsTheEarliestInteractions() {
        TrainingView view = TrainingView.keepingFirst(data(), "prefix", new int[2][], 2);
        assertEquals(List.of("c0 HOLD A @1", "c1 VIEW B @2"), interactions(view));
        assertThrows(IndexOutOfBoundsException.class, () -> view.interactionProduct(2));
        assertThrows(IndexOutOfBoundsException.class, () -> view.interactionProduct(-1));
    }

    @Test
    void holdingsAreReturnedAsCopies() {
        TrainingView view = TrainingView.keepingFirst(data(), "copies", new int[][] {{0, 1}, null}, 3);
        view.holdings(0)[0] = 1;
        assertArrayEquals(new int[] {0, 1}, view.holdings(0));
    }
}
