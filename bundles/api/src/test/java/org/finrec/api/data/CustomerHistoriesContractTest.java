package org.finrec.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.recommend.RecommendationRequest;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Dataset} implementation's {@link Dataset#customerHistories()} must do: per-customer time order,
 * requests merged by time, unknown products and customers, empty histories, and one index shared by concurrent
 * first callers. Shipped in the api's test JAR; each implementation's tests extend it with a factory.
 */
public abstract class CustomerHistoriesContractTest {

    /**
     * Makes the implementation under test.
     *
     * @param name the dataset's name
     * @param customers customers, indexed in this order
     * @param products products, indexed in this order
     * @param interactions interactions in the order a loader would add them (not time order)
     * @return the dataset
     */
    protected abstract Dataset dataset(String name, List<Customer> customers, List<Product> products,
            List<Interaction> interactions);

    private static final List<Product> PRODUCTS = List.of(Product.builder("current").build(),
            Product.builder("card").build(), Product.builder("loan").build());

    private Dataset bank() {
        List<Customer> customers = List.of(Customer.builder("alice").build(), Customer.builder("bob").build(),
                Customer.builder("carol").build());
        return dataset("bank", customers, PRODUCTS, List.of(
                event("bob", "card", InteractionKind.VIEW, 300, 1),
                event("alice", "current", InteractionKind.HOLD, 100, 1),
                event("alice", "card", InteractionKind.VIEW, 200, 2),
                event("alice", "loan", InteractionKind.APPLY, 200, 1),
                event("bob", "current", InteractionKind.HOLD, 100, 1),
                event("alice", "loan", InteractionKind.PURCHASE, 400, 1)));
    }

    private static Interaction event(String customer, String product, InteractionKind kind, long millis,
            double weight) {
        return new Interaction(customer, product, kind, Instant.ofEpochMilli(millis), Optional.empty(), weight);
    }

    private static RecommendationRequest request(String customerId, Interaction... recentEvents) {
        return RecommendationRequest.builder(Customer.builder(customerId).build())
                .recentEvents(List.of(recentEvents)).build();
    }

    /** One line per event: product id (or ? when unknown), kind, time, weight and where it came from. */
    private static List<String> describe(Dataset dataset, EventSequence sequence) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < sequence.length(); i++) {
            int product = sequence.product(i);
            lines.add((product == EventSequence.UNKNOWN_PRODUCT ? "?" : dataset.product(product).id()) + " "
                    + sequence.kind(i) + " " + sequence.epochMillis(i) + " " + sequence.weight(i) + " "
                    + (sequence.interactionIndex(i) == EventSequence.FROM_REQUEST ? "request" : "dataset"));
        }
        return lines;
    }

    @Test
    void ordersACustomersEventsByTimeKeepingTheDatasetOrderOfEqualTimes() {
        Dataset bank = bank();
        EventSequence alice = bank.customerHistories().ofCustomer(bank.customerIndex("alice"));

        assertEquals(bank.customerIndex("alice"), alice.customerIndex());
        assertEquals(List.of("current HOLD 100 1.0 dataset", "card VIEW 200 2.0 dataset",
                "loan APPLY 200 1.0 dataset", "loan PURCHASE 400 1.0 dataset"), describe(bank, alice));
        assertEquals(List.of("current HOLD 100 1.0 dataset", "card VIEW 300 1.0 dataset"),
                describe(bank, bank.customerHistories().ofCustomer(bank.customerIndex("bob"))));
    }

    @Test
    void pointsEveryEventBackAtItsInteractionAndIndexesEachInteractionOnce() {
        Dataset bank = bank();
        CustomerHistories histories = bank.customerHistories();
        int[] seen = new int[bank.interactionCount()];
        for (int c = 0; c < bank.customerCount(); c++) {
            EventSequence sequence = histories.ofCustomer(c);
            assertEquals(histories.length(c), sequence.length());
            for (int k = 0; k < sequence.length(); k++) {
                int interaction = histories.interactionIndex(c, k);
                assertEquals(interaction, sequence.interactionIndex(k));
                assertEquals(c, bank.interactionCustomer(interaction));
                assertEquals(bank.interactionProduct(interaction), sequence.product(k));
                assertEquals(bank.interactionKind(interaction), sequence.kind(k));
                assertEquals(bank.interactionEpochMillis(interaction), sequence.epochMillis(k));
                assertEquals(bank.interactionWeight(interaction), sequence.weight(k));
                if (k > 0) {
                    assertTrue(interaction > histories.interactionIndex(c, k - 1), "dataset order");
                }
                seen[interaction]++;
            }
        }
        for (int count : seen) {
            assertEquals(1, count);
        }
        assertEquals(bank.customerCount(), histories.customerCount());
    }

    @Test
    void mergesTheRequestsEventsByTimeAfterDatasetEventsOfTheSameTime() {
        Dataset bank = bank();
        EventSequence merged = bank.customerHistories().ofRequest(request("alice",
                event("alice", "card", InteractionKind.CLICK, 450, 1),
                event("alice", "current", InteractionKind.VIEW, 200, 1),
                event("alice", "card", InteractionKind.VIEW, 450, 3),
                event("alice", "loan", InteractionKind.VIEW, 50, 1)));

        assertEquals(List.of("loan VIEW 50 1.0 request", "current HOLD 100 1.0 dataset",
                "card VIEW 200 2.0 dataset", "loan APPLY 200 1.0 dataset", "current VIEW 200 1.0 request",
                "loan PURCHASE 400 1.0 dataset", "card CLICK 450 1.0 request", "card VIEW 450 3.0 request"),
                describe(bank, merged));
        assertEquals(bank.customerIndex("alice"), merged.customerIndex());
    }

    @Test
    void keepsARequestEventForAnUnknownProductAsUnknownAndLeavesOutOtherCustomersEvents() {
        Dataset bank = bank();
        EventSequence merged = bank.customerHistories().ofRequest(request("bob",
                event("bob", "mortgage", InteractionKind.VIEW, 200, 1),
                event("alice", "loan", InteractionKind.VIEW, 250, 1),
                event("bob", "loan", InteractionKind.APPLY, 500, 1)));

        assertEquals(List.of("current HOLD 100 1.0 dataset", "? VIEW 200 1.0 request", "card VIEW 300 1.0 dataset",
                "loan APPLY 500 1.0 request"), describe(bank, merged));
        assertEquals(EventSequence.UNKNOWN_PRODUCT, merged.product(1));
    }

    @Test
    void givesACustomerTheDatasetDoesNotKnowOnlyTheRequestsEvents() {
        Dataset bank = bank();
        EventSequence merged = bank.customerHistories().ofRequest(request("dave",
                event("dave", "card", InteractionKind.VIEW, 700, 1),
                event("dave", "current", InteractionKind.CLICK, 600, 1)));

        assertEquals(-1, merged.customerIndex());
        assertEquals(List.of("current CLICK 600 1.0 request", "card VIEW 700 1.0 request"), describe(bank, merged));
        assertEquals(0, bank.customerHistories().ofRequest(request("dave")).length());
    }

    @Test
    void answersEmptyHistoriesForACustomerWithoutInteractions() {
        Dataset bank = bank();
        int carol = bank.customerIndex("carol");
        CustomerHistories histories = bank.customerHistories();

        assertEquals(0, histories.length(carol));
        assertEquals(0, histories.ofCustomer(carol).length());
        assertEquals(0, histories.ofRequest(request("carol")).length());
        EventSequence withRecent = histories.ofRequest(request("carol",
                event("carol", "loan", InteractionKind.VIEW, 10, 1)));
        assertEquals(carol, withRecent.customerIndex());
        assertEquals(List.of("loan VIEW 10 1.0 request"), describe(bank, withRecent));

        Dataset empty = dataset("empty", List.of(), PRODUCTS, List.of());
        assertEquals(0, empty.customerHistories().customerCount());
        assertEquals(0, empty.customerHistories().ofRequest(request("alice")).length());
    }

    @Test
    void rejectsCustomerIndicesAndPositionsOutOfRange() {
        CustomerHistories histories = bank().customerHistories();

        assertThrows(IndexOutOfBoundsException.class, () -> histories.ofCustomer(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> histories.ofCustomer(3));
        assertThrows(IndexOutOfBoundsException.class, () -> histories.length(3));
        assertThrows(IndexOutOfBoundsException.class, () -> histories.interactionIndex(0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> histories.interactionIndex(2, 0));
    }

    @Test
    void countsFourBytesPerInteractionAndPerCustomer() {
        CustomerHistories histories = bank().customerHistories();

        // offsets: 16 + 4 x (3 + 1) = 32 bytes; interactions: 16 + 4 x 6 = 40 bytes
        assertEquals(72, histories.indexBytes());
    }

    @Test
    void buildsOneIndexForConcurrentFirstCallersAndSharesIt() throws Exception {
        int customerCount = 2_000;
        List<Customer> customers = new ArrayList<>();
        List<Interaction> interactions = new ArrayList<>();
        for (int c = 0; c < customerCount; c++) {
            customers.add(Customer.builder("C" + c).build());
            for (int m = 0; m < 40; m++) {
                // customers added one after another, months in reverse: the dataset has to sort
                interactions.add(event("C" + c, PRODUCTS.get((c + m) % 3).id(), InteractionKind.HOLD,
                        (40 - m) * 1_000L + c % 7, 1));
            }
        }
        Dataset dataset = dataset("large", customers, PRODUCTS, interactions);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CustomerHistories>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<CustomerHistories> firstUse = () -> {
                    start.await();
                    return dataset.customerHistories();
                };
                results.add(pool.submit(firstUse));
            }
            start.countDown();
            CustomerHistories first = results.get(0).get();
            for (Future<CustomerHistories> result : results) {
                assertSame(first, result.get());
            }
            assertSame(first, dataset.customerHistories());
            CustomerHistories rebuilt = CustomerHistories.of(dataset);
            for (int c = 0; c < customerCount; c += 97) {
                assertEquals(40, first.length(c));
                int[] shared = new int[40];
                int[] fresh = new int[40];
                for (int k = 0; k < 40; k++) {
                    shared[k] = first.interactionIndex(c, k);
                    fresh[k] = rebuilt.interactionIndex(c, k);
                }
                assertArrayEquals(fresh, shared);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
