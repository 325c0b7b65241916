package org.finrec.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static final List<Product> PRODUCTS = List.of(product("p0"), product("p1"), product("p2"), product("p3"),
            product("p4"), product("p5"));

    private static Product product(String id) {
        return Product.builder(id).build();
    }

    private static Customer customer(String id, String... holdings) {
        return Customer.builder(id).holding(holdings).build();
    }

    private static Interaction event(String customer, String product, InteractionKind kind, long epochSecond) {
        return Interaction.of(customer, product, kind, Instant.ofEpochSecond(epochSecond));
    }

    private static void assertMessageNames(IllegalArgumentException e, String id) {
        assertTrue(e.getMessage().contains(id), () -> "message should name " + id + ": " + e.getMessage());
    }

    @Test
    void customerAndProductIndicesRoundTrip() {
        List<Customer> customers = List.of(customer("zed"), customer("amy"), customer("bob"));
        Dataset dataset = Dataset.of("d", customers, PRODUCTS, List.of());

        assertEquals(3, dataset.customerCount());
        for (int c = 0; c < customers.size(); c++) {
            assertEquals(customers.get(c), dataset.customer(c));
            assertEquals(c, dataset.customerIndex(customers.get(c).id()));
        }
        assertEquals(PRODUCTS.size(), dataset.productCount());
        for (int p = 0; p < PRODUCTS.size(); p++) {
            assertEquals(PRODUCTS.get(p), dataset.product(p));
            assertEquals(p, dataset.productIndex(PRODUCTS.get(p).id()));
        }
        assertEquals(-1, dataset.customerIndex("nobody"));
        assertEquals(-1, dataset.productIndex("nothing"));
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.customer(3));
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.product(PRODUCTS.size()));
    }

    @Test
    void holdingsAreProductIndicesInAscendingOrder() {
        Dataset dataset = Dataset.of("d", List.of(customer("c0", "p5", "p1", "p3", "p0"), customer("c1")), PRODUCTS,
                List.of());

        assertArrayEquals(new int[] {0, 1, 3, 5}, dataset.holdings(0));
        assertArrayEquals(new int[0], dataset.holdings(1));
    }

    @Test
    void holdingsReturnsACopyEachTime() {
        Dataset dataset = Dataset.of("d", List.of(customer("c0", "p2", "p4")), PRODUCTS, List.of());

        int[] first = dataset.holdings(0);
        first[0] = 5;
        first[1] = -1;

        assertArrayEquals(new int[] {2, 4}, dataset.holdings(0));
    }

    @Test
    void interactionsAreSortedByTimeWithTheirColumnsKeptTogether() {
        List<Customer> customers = List.of(customer("c0"), customer("c1"));
        List<Interaction> events = List.of(
                event("c1", "p3", InteractionKind.PURCHASE, 300),
                event("c0", "p1", InteractionKind.VIEW, 100),
                new Interaction("c0", "p4", InteractionKind.APPLY, Instant.ofEpochSecond(400), Optional.of("mobile"),
                        2.5),
                event("c1", "p0", InteractionKind.CLICK, 200));
        Dataset dataset = Dataset.of("d", customers, PRODUCTS, events);

        assertEquals(4, dataset.interactionCount());
        long[] times = new long[4];
        for (int i = 0; i < 4; i++) {
            times[i] = dataset.interactionEpochMillis(i);
        }
        assertArrayEquals(new long[] {100_000, 200_000, 300_000, 400_000}, times);

        assertEquals(0, dataset.interactionCustomer(0));
        assertEquals(1, dataset.interactionProduct(0));
        assertEquals(InteractionKind.VIEW, dataset.interactionKind(0));
        assertEquals(1.0, dataset.interactionWeight(0));

        assertEquals(1, dataset.interactionCustomer(2));
        assertEquals(3, dataset.interactionProduct(2));
        assertEquals(InteractionKind.PURCHASE, dataset.interactionKind(2));

        assertEquals(0, dataset.interactionCustomer(3));
        assertEquals(4, dataset.interactionProduct(3));
        assertEquals(InteractionKind.APPLY, dataset.interactionKind(3));
        assertEquals(2.5, dataset.interactionWeight(3));
    }

    @Test
    void everyInteractionKindSurvivesIndexing() {
        InteractionKind[] kinds = InteractionKind.values();
        List<Interaction> events = new java.util.ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            events.add(event("c0", "p0", kinds[i], i));
        }
        Dataset dataset = Dataset.of("d", List.of(customer("c0")), PRODUCTS, events);

        for (int i = 0; i < kinds.length; i++) {
            assertEquals(kinds[i], dataset.interactionKind(i));
        }
    }

    @Test
    void duplicateCustomerIdIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("d", List.of(customer("c0"), customer("twice"), customer("twice")), PRODUCTS,
                        List.of()));
        assertMessageNames(e, "twice");
    }

    @Test
    void duplicateProductIdIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("d", List.of(customer("c0")), List.of(product("p0"), product("dup"), product("dup")),
                        List.of()));
        assertMessageNames(e, "dup");
    }

    @Test
    void interactionNamingAnUnknownProductIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("d", List.of(customer("c0")), PRODUCTS,
                        List.of(event("c0", "p1", InteractionKind.VIEW, 1),
                                event("c0", "ghost-product", InteractionKind.PURCHASE, 2))));
        assertMessageNames(e, "ghost-product");
    }

    @Test
    void interactionNamingAnUnknownCustomerIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("d", List.of(customer("c0")), PRODUCTS,
                        List.of(event("ghost-customer", "p1", InteractionKind.VIEW, 1))));
        assertMessageNames(e, "ghost-customer");
    }

    @Test
    void holdingOfAnUnknownProductIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("d", List.of(customer("c0", "p1", "ghost-holding")), PRODUCTS, List.of()));
        assertMessageNames(e, "ghost-holding");
        assertMessageNames(e, "c0");
    }

    @Test
    void blankNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.of(" ", List.of(), PRODUCTS, List.of()));
    }

    @Test
    void emptyDatasetIsAllowed() {
        Dataset dataset = Dataset.of("empty", List.of(), List.of(), List.of());

        assertEquals("empty", dataset.name());
        assertEquals(0, dataset.customerCount());
        assertEquals(0, dataset.productCount());
        assertEquals(0, dataset.interactionCount());
    }
}
