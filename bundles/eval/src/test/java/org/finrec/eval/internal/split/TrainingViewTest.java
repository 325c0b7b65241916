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
    void aViewOfSomeCustomersReindexesThemAndForgetsTheOthers() {
        Dataset data = TinyBank.dataset(List.of(customer("c0", "A"), customer("c1", "B"), customer("c2", "A", "B")),
                TinyBank.products("A", "B"),
                event("c0", HOLD, "A", 1), event("c1", VIEW, "B", 2), event("c2", HOLD, "B", 3));
        TrainingView view = TrainingView.keepingCustomers(data, "some", new int[] {1, 2}, new int[][] {null, {0}},
                new int[] {1, 2});
        assertEquals(2, view.customerCount());
        assertEquals("c1", view.customer(0).id());
        assertEquals("c2", view.customer(1).id());
        assertEquals(-1, view.customerIndex("c0"));
        assertEquals(0, view.customerIndex("c1"));
        assertEquals(1, view.customerIndex("c2"));
        assertEquals(-1, view.customerIndex("nobody"));
        assertArrayEquals(new int[] {1}, view.holdings(0));
        assertArrayEquals(new int[] {0}, view.holdings(1));
        assertEquals(Set.of("A"), view.customer(1).holdings());
        assertEquals(0, view.interactionCustomer(0));
        assertEquals(1, view.interactionCustomer(1));
        assertEquals(List.of("c1 VIEW B @2", "c2 HOLD B @3"), interactions(view));
        assertEquals(2, view.productCount());
        TinyBank.assertConsistent(view);
        assertThrows(IndexOutOfBoundsException.class, () -> view.customer(2));
        assertThrows(IndexOutOfBoundsException.class, () -> view.holdings(-1));

        IllegalArgumentException leftOut = assertThrows(IllegalArgumentException.class,
                () -> TrainingView.keepingCustomers(data, "leaky", new int[] {1, 2}, new int[2][], new int[] {0, 1}));
        assertEquals("interaction 0 belongs to a left-out customer", leftOut.getMessage());
    }

    @Test
    void interactionsWhereKeepsTheChosenIndicesInOrder() {
        Dataset data = data();
        assertArrayEquals(new int[] {0, 2}, TrainingView.interactionsWhere(data, i -> data.interactionKind(i) == HOLD));
        assertArrayEquals(new int[] {0, 1, 2}, TrainingView.interactionsWhere(data, i -> true));
        assertArrayEquals(new int[0], TrainingView.interactionsWhere(data, i -> false));
    }

    @Test
    void holdingsAreReturnedAsCopies() {
        TrainingView view = TrainingView.keepingFirst(data(), "copies", new int[][] {{0, 1}, null}, 3);
        view.holdings(0)[0] = 1;
        assertArrayEquals(new int[] {0, 1}, view.holdings(0));
    }
}
