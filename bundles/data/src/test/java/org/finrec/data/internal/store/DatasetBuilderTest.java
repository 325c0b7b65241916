package org.finrec.data.internal.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.ProductCategory;
import org.junit.jupiter.api.Test;

class DatasetBuilderTest {

    private static final List<Product> PRODUCTS = List.of(
            Product.builder("current").category(ProductCategory.ACCOUNT).build(),
            Product.builder("card").category(ProductCategory.CARD).riskClass(2).build(),
            Product.builder("fund").category(ProductCategory.FUND).riskClass(4).build());

    @Test
    void customerAndProductIndicesRoundTrip() {
        DatasetBuilder builder = new DatasetBuilder("bank", PRODUCTS);
        assertEquals(0, builder.addCustomer(Customer.builder("C2").build()));
        assertEquals(1, builder.addCustomer(Customer.builder("C1").build()));
        assertEquals(1, builder.customerIndex("C1"));
        assertEquals(-1, builder.customerIndex("C3"));
        assertEquals(2, builder.customerCount());

        ColumnarDataset dataset = builder.build();
        assertEquals("bank", dataset.name());
        assertEquals(2, dataset.customerCount());
        assertEquals(3, dataset.productCount());
        for (int c = 0; c < dataset.customerCount(); c++) {
            assertEquals(c, dataset.customerIndex(dataset.customer(c).id()));
        }
        for (int p = 0; p < dataset.productCount(); p++) {
            assertEquals(PRODUCTS.get(p), dataset.product(p));
            assertEquals(p, dataset.productIndex(PRODUCTS.get(p).id()));
        }
        assertEquals(-1, dataset.customerIndex("nobody"));
        assertEquals(-1, dataset.productIndex("nothing"));
    }

    @Test
    void materialisedCustomersKeepEveryAttribute() {
        DatasetBuilder builder = new DatasetBuilder("bank", PRODUCTS);
        Customer full = Customer.builder("C1").age(34).annualIncome(52_000.5).segment("family").riskTolerance(3)
                .tenureMonths(48).preferredChannel("mobile").holding("fund", "current")
                .attribute("province", "Madrid").attribute("sex", "V").build();
        Customer bare = Customer.builder("C2").build();
        Customer edge = Customer.builder("C3").age(0).annualIncome(0).segment("").riskTolerance(7).tenureMonths(0)
                .preferredChannel("branch").attribute("province", "").build();
        Customer old = Customer.builder("C4").age(130).riskTolerance(1).attribute("late", "x").build();
        builder.addCustomer(full);
        builder.addCustomer(bare);
        builder.addCustomer(edge);
        builder.addCustomer(old);

        ColumnarDataset dataset = builder.build();
        assertEquals(full, dataset.customer(0));
        assertEquals(bare, dataset.customer(1));
        assertEquals(edge, dataset.customer(2));
        assertEquals(old, dataset.customer(3));
        assertEquals(Map.of("late", "x"), dataset.customer(3).attributes(),
                "an attribute first seen late is absent for earlier customers and present for later ones");
    }

    @Test
    void holdingsAreResolvedSortedDeduplicatedAndCopied() {
        DatasetBuilder builder = new DatasetBuilder("bank", PRODUCTS);
        builder.addCustomer(Customer.builder("C1").holding("fund", "current").build());
        builder.addCustomer(Customer.builder("C2").build());
        builder.addCustomer(Customer.builder("C3").holding("card").build());
        builder.setHoldings(1, new int[] {2, 1, 2, 0});
        int[] replaced = {1};
        builder.setHoldings(2, replaced);
        replaced[0] = 2;

        ColumnarDataset dataset = builder.build();
        assertArrayEquals(new int[] {0, 2}, dataset.holdings(0));
        assertArrayEquals(new int[] {0, 1, 2}, dataset.holdings(1));
        assertArrayEquals(new int[] {1}, dataset.holdings(2), "setHoldings copies its argument");
        assertEquals(3, dataset.holdingCount(1));
        dataset.holdings(0)[0] = 99;
        assertArrayEquals(new int[] {0, 2}, dataset.holdings(0), "holdings() returns a copy");
        assertEquals(Set.of("current", "card", "fund"), dataset.customer(1).holdings());
        assertEquals(Set.of("card"), dataset.customer(2).holdings());
    }

    @Test
    void interactionsComeOutInStableTimeOrder() {
        DatasetBuilder builder = new DatasetBuilder("bank", PRODUCTS);
        builder.addCustomer(Customer.builder("C1").build());
        builder.addCustomer(Customer.builder("C2").build());
        builder.addInteraction(0, 0, InteractionKind.HOLD, 300, 1f);
        builder.addInteraction(1, 1, InteractionKind.VIEW, 100, 0.5f);
        builder.addInteraction(0, 2, InteractionKind.PURCHASE, 300, 2f);
        builder.addInteraction(1, 2, InteractionKind.CLICK, 100, 0f);
        builder.addInteraction(0, 1, InteractionKind.CLOSE, -50, 1f);
        assertEquals(5, builder.interactionCount());

        ColumnarDataset dataset = builder.build();
        assertEquals(5, dataset.interactionCount());
        long[] times = new long[5];
        for (int i = 0; i < 5; i++) {
            times[i] = dataset.interactionEpochMillis(i);
        }
        assertArrayEquals(new long[] {-50, 100, 100, 300, 300}, times);
        assertEquals(InteractionKind.CLOSE, dataset.interactionKind(0));
        assertEquals(InteractionKind.VIEW, dataset.interactionKind(1));
        assertEquals(InteractionKind.CLICK, dataset.interactionKind(2));
        assertEquals(InteractionKind.HOLD, dataset.interactionKind(3));
        assertEquals(InteractionKind.PURCHASE, dataset.interactionKind(4));
        assertEquals(1, dataset.interactionCustomer(1));
        assertEquals(1, dataset.interactionProduct(1));
        assertEquals(0.5, dataset.interactionWeight(1));
        assertEquals(0, dataset.interactionCustomer(4));
        assertEquals(2, dataset.interactionProduct(4));
        assertEquals(2.0, dataset.interactionWeight(4));
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.interactionKind(5));
    }

    @Test
    void sortsInteractionsWithAnExtremeTimeRange() {
        DatasetBuilder builder = new DatasetBuilder("bank", PRODUCTS);
        builder.addCustomer(Customer.builder("C1").build());
        builder.addInteraction(0, 0, InteractionKind.VIEW, Long.MAX_VALUE, 1f);
        builder.addInteraction(0, 1, InteractionKind.VIEW, Long.MIN_VALUE, 1f);
        builder.addInteraction(0, 2, InteractionKind.VIEW, Long.MIN_VALUE, 1f);
        ColumnarDataset dataset = builder.build();
        assertEquals(1, dataset.interactionProduct(0));
        assertEquals(2, dataset.interactionProduct(1));
        assertEquals(0, dataset.interactionProduct(2));
    }

    @Test
    void rejectsADuplicateCustomerAndAddsNothing() {
        DatasetBuilder builder = new DatasetBuilder("bank", PRODUCTS);
        builder.addCustomer(Customer.builder("C1").build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.addCustomer(Customer.builder("C1").age(3).build()));
        assertTrue(e.getMessage().contains("C1"), e.getMessage());
        assertEquals(1, builder.customerCount());
    }

    @Test
    void rejectsAnIncomeAFloatCannotHoldAndAddsNothing() {
        DatasetBuilder builder = new DatasetBuilder("bank", PRODUCTS);
        builder.addCustomer(Customer.builder("C1").annualIncome(Float.MAX_VALUE).build());
        for (double income : new double[] {1e39, 1.7e308, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> builder.addCustomer(Customer.builder("C2").annualIncome(income).build()));
            assertTrue(e.getMessage().contains("C2") && e.getMessage().contains("income"), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> builder.replaceCustomer(0, Customer.builder("C1").annualIncome(income).build()));
        }
        assertEquals(1, builder.customerCount());
        assertEquals(-1, builder.customerIndex("C2"));
        assertEquals(Float.MAX_VALUE, builder.build().customer(0).annualIncome().getAsDouble());
    }

    @Test
    void rejectsAHoldingOfAnUnknownProductNamingCustomerAndProduct() {
        DatasetBuilder builder = new DatasetBuilder("bank", PRODUCTS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.addCustomer(Customer.builder("C9").holding("current", "yacht").build()));
        assertTrue(e.getMessage().contains("C9") && e.getMessage().contains("yacht"), e.getMessage());
        assertEquals(0, builder.customerCount());
        assertEquals(-1, builder.customerIndex("C9"));
    }

    @Test
    void rejectsDuplicateProductsAndABlankName() {
        assertThrows(IllegalArgumentException.class,
                () -> new DatasetBuilder("bank", List.of(PRODUCTS.get(0), PRODUCTS.get(0))));
        assertThrows(IllegalArgumentException.class, () -> new DatasetBuilder(" ", PRODUCTS));
        DatasetBuilder builder = new DatasetBuilder("bank", PRODUCTS);
        assertThrows(IllegalArgumentException.class, () -> builder.addProduct(Product.builder("card").build()));
        assertEquals(3, builder.addProduct(Product.builder("loan").build()));
        assertEquals(3, builder.productIndex("loan"));
        assertEquals(4, builder.productCount());
    }

    @Test
    void rejectsInteractionsOutOfRange() {
        DatasetBuilder builder = new DatasetBuilder("bank", PRODUCTS);
        builder.addCustomer(Customer.builder("C1").build());
        assertThrows(IndexOutOfBoundsException.class,
                () -> builder.addInteraction(1, 0, InteractionKind.VIEW, 0, 1f));
        assertThrows(IndexOutOfBoundsException.class,
                () -> builder.addInteraction(0, 3, InteractionKind.VIEW, 0, 1f));
        assertThrows(IndexOutOfBoundsException.class,
                () -> builder.addInteraction(-1, 0, InteractionKind.VIEW, 0, 1f));
        assertThrows(IllegalArgumentException.class,
                () -> builder.addInteraction(0, 0, InteractionKind.VIEW, 0, -1f));
        assertThrows(IllegalArgumentException.class,
                () -> builder.addInteraction(0, 0, InteractionKind.VIEW, 0, Float.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> builder.addInteraction(0, 0, InteractionKind.VIEW, 0, Float.POSITIVE_INFINITY));
        assertThrows(NullPointerException.class, () -> builder.addInteraction(0, 0, null, 0, 1f));
        assertThrows(IndexOutOfBoundsException.class, () -> builder.setHoldings(0, new int[] {3}));
        assertThrows(IndexOutOfBoundsException.class, () -> builder.setHoldings(1, new int[0]));
        assertEquals(0, builder.interactionCount());
    }

    @Test
    void replacingACustomerReplacesProfileAttributesAndHoldings() {
        DatasetBuilder builder = new DatasetBuilder("bank", PRODUCTS);
        builder.addCustomer(Customer.builder("C1").age(30).segment("a").attribute("x", "1").holding("card").build());
        Customer latest = Customer.builder("C1").segment("b").attribute("y", "2").holding("fund").build();
        builder.replaceCustomer(0, latest);
        assertThrows(IllegalArgumentException.class, () -> builder.replaceCustomer(0, Customer.builder("C2").build()));
        assertEquals(latest, builder.build().customer(0));
    }

    @Test
    void derivesHoldingsFromTheLatestOwnershipInteraction() {
        DatasetBuilder builder = new DatasetBuilder("bank", PRODUCTS);
        builder.addCustomer(Customer.builder("C1").holding("card").build());
        builder.addCustomer(Customer.builder("C2").build());
        builder.addCustomer(Customer.builder("C3").build());
        // C1: current bought then closed; card closed then (later in time, earlier in file) bought again
        builder.addInteraction(0, 0, InteractionKind.PURCHASE, 10, 1f);
        builder.addInteraction(0, 1, InteractionKind.PURCHASE, 40, 1f);
        builder.addInteraction(0, 0, InteractionKind.CLOSE, 20, 1f);
        builder.addInteraction(0, 1, InteractionKind.CLOSE, 30, 1f);
        builder.addInteraction(0, 2, InteractionKind.VIEW, 50, 1f);
        // C2: a snapshot HOLD, and a CLOSE and a PURCHASE at the same time: file order decides
        builder.addInteraction(1, 2, InteractionKind.HOLD, 5, 1f);
        builder.addInteraction(1, 0, InteractionKind.CLOSE, 7, 1f);
        builder.addInteraction(1, 0, InteractionKind.PURCHASE, 7, 1f);
        builder.addInteraction(1, 1, InteractionKind.PURCHASE, 8, 1f);
        builder.addInteraction(1, 1, InteractionKind.CLOSE, 8, 1f);
        // C3: only views and applications
        builder.addInteraction(2, 0, InteractionKind.APPLY, 1, 1f);
        builder.deriveHoldingsFromOwnership();

        ColumnarDataset dataset = builder.build();
        assertArrayEquals(new int[] {1}, dataset.holdings(0));
        assertArrayEquals(new int[] {0, 2}, dataset.holdings(1));
        assertArrayEquals(new int[0], dataset.holdings(2));
    }

    @Test
    void buildsOnlyOnce() {
        DatasetBuilder builder = new DatasetBuilder("bank", PRODUCTS);
        builder.addCustomer(Customer.builder("C1").build());
        builder.build();
        assertThrows(IllegalStateException.class, builder::build);
        assertThrows(IllegalStateException.class, () -> builder.addCustomer(Customer.builder("C2").build()));
        assertThrows(IllegalStateException.class,
                () -> builder.addInteraction(0, 0, InteractionKind.VIEW, 0, 1f));
    }

    @Test
    void readsOutOfRangeIndicesAsErrors() {
        ColumnarDataset dataset = new DatasetBuilder("bank", PRODUCTS).build();
        assertEquals(0, dataset.customerCount());
        assertEquals(0, dataset.interactionCount());
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.customer(0));
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.holdings(0));
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.product(3));
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.interactionCustomer(0));
    }

    @Test
    void growsPastEveryInitialCapacity() {
        DatasetBuilder builder = new DatasetBuilder("bank", PRODUCTS);
        int customers = 30_000;
        for (int c = 0; c < customers; c++) {
            Customer.Builder customer = Customer.builder("C" + c).age(c % 100).attribute("bucket", "b" + c % 7);
            if (c % 1000 == 0) {
                customer.attribute("rare", "r" + c);
            }
            int index = builder.addCustomer(customer.build());
            builder.setHoldings(index, new int[] {c % 3});
            builder.addInteraction(index, c % 3, InteractionKind.PURCHASE, customers - c, 1f);
        }
        ColumnarDataset dataset = builder.build();
        assertEquals(customers, dataset.customerCount());
        assertEquals(customers, dataset.interactionCount());
        for (int c = 0; c < customers; c += 997) {
            Customer customer = dataset.customer(c);
            assertEquals("C" + c, customer.id());
            assertEquals(c % 100, customer.age().getAsInt());
            assertEquals("b" + c % 7, customer.attributes().get("bucket"));
            assertEquals(c % 1000 == 0, customer.attributes().containsKey("rare"));
            assertArrayEquals(new int[] {c % 3}, dataset.holdings(c));
        }
        assertEquals(customers - 1, dataset.interactionCustomer(0));
        assertEquals(0, dataset.interactionCustomer(customers - 1));
        assertEquals("Dataset[bank: 30000 customers, 3 products, 30000 holdings, 30000 interactions]",
                dataset.toString());
        assertEquals("DatasetBuilder[bank: 30000 customers, 3 products, 30000 interactions]", builder.toString());
    }
}
