package org.finrec.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.junit.jupiter.api.Test;

/** The index itself, over a {@link Dataset} that implements only the abstract methods. */
class CustomerHistoriesTest {

    /** A dataset that forwards to another and counts how often an index build reads its interaction count. */
    private static final class CountingDataset implements Dataset {
        private final Dataset data;
        private final AtomicInteger interactionCountCalls = new AtomicInteger();
        private final int[] customerOverride;

        CountingDataset(Dataset data, int[] customerOverride) {
            this.data = data;
            this.customerOverride = customerOverride;
        }

        @Override public String name() { return data.name(); }
        @Override public int customerCount() { return data.customerCount(); }
        @Override public Customer customer(int customerIndex) { return data.customer(customerIndex); }
        @Override public int customerIndex(String customerId) { return data.customerIndex(customerId); }
        @Override public int productCount() { return data.productCount(); }
        @Override public Product product(int productIndex) { return data.product(productIndex); }
        @Override public int productIndex(String productId) { return data.productIndex(productId); }
        @Override public int[] holdings(int customerIndex) { return data.holdings(customerIndex); }

        @Override
        public int interactionCount() {
            interactionCountCalls.incrementAndGet();
            return data.interactionCount();
        }

        @Override
        public int interactionCustomer(int i) {
            return customerOverride == null ? data.interactionCustomer(i) : customerOverride[i];
        }

        @Override public int interactionProduct(int i) { return data.interactionProduct(i); }
        @Override public InteractionKind interactionKind(int i) { return data.interactionKind(i); }
        @Override public long interactionEpochMillis(int i) { return data.interactionEpochMillis(i); }
        @Override public double interactionWeight(int i) { return data.interactionWeight(i); }
    }

    private static Dataset twoCustomers() {
        List<Interaction> interactions = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            interactions.add(Interaction.of(i % 2 == 0 ? "a" : "b", "p", InteractionKind.VIEW,
                    Instant.ofEpochMilli(10_000 - i)));
        }
        return Dataset.of("two", List.of(Customer.builder("a").build(), Customer.builder("b").build()),
                List.of(Product.builder("p").build()), interactions);
    }

    @Test
    void theDefaultMethodBuildsAFreshButEqualIndexOnEveryCall() {
        CountingDataset dataset = new CountingDataset(twoCustomers(), null);

        CustomerHistories first = dataset.customerHistories();
        CustomerHistories second = dataset.customerHistories();

        assertNotSame(first, second);
        assertEquals(2, dataset.interactionCountCalls.get());
        assertEquals(5_000, first.length(0));
        for (int k = 0; k < 5_000; k++) {
            assertEquals(first.interactionIndex(0, k), second.interactionIndex(0, k));
        }
    }

    @Test
    void builtOnFirstUseBuildsExactlyOnceUnderConcurrentCallers() throws Exception {
        CountingDataset dataset = new CountingDataset(twoCustomers(), null);
        Supplier<CustomerHistories> histories = CustomerHistories.builtOnFirstUse(dataset);
        assertEquals(0, dataset.interactionCountCalls.get(), "nothing is built before the first use");

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CustomerHistories>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return histories.get();
                }));
            }
            start.countDown();
            for (Future<CustomerHistories> result : results) {
                assertSame(results.get(0).get(), result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, dataset.interactionCountCalls.get());
    }

    @Test
    void refusesADatasetWhoseInteractionNamesACustomerOutOfRange() {
        Dataset data = twoCustomers();
        int[] customers = new int[data.interactionCount()];
        customers[7] = 2;
        CountingDataset broken = new CountingDataset(data, customers);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CustomerHistories.of(broken));
        assertTrue(error.getMessage().contains("interaction 7 names customer index 2 of 2"), error.getMessage());
    }
}
