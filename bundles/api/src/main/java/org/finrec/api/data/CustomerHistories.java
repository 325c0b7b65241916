package org.finrec.api.data;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.finrec.api.Interaction;
import org.finrec.api.recommend.RecommendationRequest;

/**
 * Every customer's interactions of one {@link Dataset} in time order: the index that sequential models read a
 * customer's history from, shared by every model trained on the dataset (get it with
 * {@link Dataset#customerHistories()}).
 *
 * <p>It is a compressed sparse row index over interaction indices: customer {@code c}'s interactions are
 * {@code interactionIndex(c, 0 .. length(c)-1)}, in the dataset's order (time, and the dataset's order for equal
 * times). It holds two {@code int} arrays and no object per event: 4 bytes per interaction plus 4 bytes per
 * customer (see {@link #indexBytes()}), 72 MB for a million customers with 17 interactions each. Building it
 * reads the customer column twice, O(interactions + customers), and allocates nothing else.
 *
 * <p>{@link #ofCustomer(int)} and {@link #ofRequest(RecommendationRequest)} copy one customer's events into an
 * {@link EventSequence} of primitive columns; the second adds the request's recent events, merged by time.
 *
 * <p>Immutable and thread-safe. It keeps a reference to its dataset, whose columns it reads.
 */
public final class CustomerHistories {

    private static final Comparator<Interaction> BY_TIME = Comparator.comparing(Interaction::timestamp);
    private static final Interaction[] NO_EVENTS = new Interaction[0];

    private final Dataset dataset;
    /** Customer {@code c}'s events are {@code interactions[offsets[c] .. offsets[c+1])}. */
    private final int[] offsets;
    private final int[] interactions;

    private CustomerHistories(Dataset dataset, int[] offsets, int[] interactions) {
        this.dataset = dataset;
        this.offsets = offsets;
        this.interactions = interactions;
    }

    /**
     * Builds the index of a dataset. Prefer {@link Dataset#customerHistories()}, which datasets build once and
     * share; this method builds a new index on every call.
     *
     * @param dataset the dataset, not null
     * @return the index
     * @throws IllegalArgumentException if an interaction names a customer index out of range (the message names
     *     the interaction)
     */
    public static CustomerHistories of(Dataset dataset) {
        int customerCount = dataset.customerCount();
        int interactionCount = dataset.interactionCount();
        // counting sort by customer; filling from the last interaction backwards keeps time order per customer
        int[] offsets = new int[customerCount + 1];
        for (int i = 0; i < interactionCount; i++) {
            int customer = dataset.interactionCustomer(i);
            if (customer < 0 || customer >= customerCount) {
                throw new IllegalArgumentException("dataset " + dataset.name() + ": interaction " + i
                        + " names customer index " + customer + " of " + customerCount);
            }
            offsets[customer + 1]++;
        }
        for (int c = 0; c < customerCount; c++) {
            offsets[c + 1] += offsets[c];
        }
        int[] interactions = new int[interactionCount];
        for (int i = interactionCount - 1; i >= 0; i--) {
            interactions[--offsets[dataset.interactionCustomer(i) + 1]] = i;
        }
        // offsets[c + 1] now is where customer c starts: shift by one
        System.arraycopy(offsets, 1, offsets, 0, customerCount);
        offsets[customerCount] = interactionCount;
        return new CustomerHistories(dataset, offsets, interactions);
    }

    /**
     * Returns a supplier that builds a dataset's index on its first {@code get()}, exactly once even when many
     * threads ask at the same time, and returns the same index afterwards: what a {@link Dataset}
     * implementation keeps in a field to implement {@link Dataset#customerHistories()}.
     *
     * @param dataset the dataset, not null; it must be fully constructed before the first {@code get()}
     * @return a thread-safe supplier of the dataset's one index
     */
    public static Supplier<CustomerHistories> builtOnFirstUse(Dataset dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return new Supplier<>() {
            private volatile CustomerHistories built;

            @Override
            public CustomerHistories get() {
                CustomerHistories histories = built;
                if (histories == null) {
                    synchronized (this) {
                        histories = built;
                        if (histories == null) {
                            histories = of(dataset);
                            built = histories;
                        }
                    }
                }
                return histories;
            }
        };
    }

    /**
     * Returns the number of customers, the dataset's {@link Dataset#customerCount()}.
     *
     * @return 0 or more
     */
    public int customerCount() {
        return offsets.length - 1;
    }

    /**
     * Returns how many interactions of the dataset a customer has.
     *
     * @param customerIndex a customer index of the dataset
     * @return 0 or more
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public int length(int customerIndex) {
        Objects.checkIndex(customerIndex, customerCount());
        return offsets[customerIndex + 1] - offsets[customerIndex];
    }

    /**
     * Returns one of a customer's interactions without copying anything, for passes over every customer.
     *
     * @param customerIndex a customer index of the dataset
     * @param position {@code 0 .. length(customerIndex)-1}, earliest first
     * @return the interaction's index in the dataset, for its column accessors
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public int interactionIndex(int customerIndex, int position) {
        Objects.checkIndex(position, length(customerIndex));
        return interactions[offsets[customerIndex] + position];
    }

    /**
     * Returns a customer's interactions in the dataset, earliest first.
     *
     * @param customerIndex a customer index of the dataset
     * @return a new sequence, empty when the customer has no interactions
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public EventSequence ofCustomer(int customerIndex) {
        Objects.checkIndex(customerIndex, customerCount());
        return merge(customerIndex, NO_EVENTS);
    }

    /**
     * Returns the history a sequential model reads for one request: the request's customer's interactions in the
     * dataset merged by time with the request's {@link RecommendationRequest#recentEvents() recent events},
     * earliest first.
     *
     * <ul>
     *   <li>Recent events are ordered by their timestamps (stable: equal times keep the request's order); at equal
     *       milliseconds the dataset's events come first. Nothing is deduplicated: an event that is both in the
     *       dataset and in the request appears twice.
     *   <li>A recent event for a product the dataset does not know stays in the sequence, with product index
     *       {@link EventSequence#UNKNOWN_PRODUCT}, so that positions and gaps in time stay true; a model without a
     *       token for unknown products skips those positions.
     *   <li>A recent event whose customer id is not the request's customer's is left out.
     *   <li>A customer the dataset does not know has only the recent events
     *       ({@link EventSequence#customerIndex()} is -1).
     * </ul>
     *
     * @param request the request, not null
     * @return a new sequence, empty when neither the dataset nor the request has an event of the customer
     */
    public EventSequence ofRequest(RecommendationRequest request) {
        String customerId = request.customer().id();
        List<Interaction> recent = request.recentEvents();
        Interaction[] own = new Interaction[recent.size()];
        int ownCount = 0;
        for (Interaction event : recent) {
            if (event.customerId().equals(customerId)) {
                own[ownCount++] = event;
            }
        }
        own = Arrays.copyOf(own, ownCount);
        Arrays.sort(own, BY_TIME); // stable
        return merge(dataset.customerIndex(customerId), own);
    }

    private EventSequence merge(int customerIndex, Interaction[] recent) {
        int start = customerIndex < 0 ? 0 : offsets[customerIndex];
        int known = customerIndex < 0 ? 0 : offsets[customerIndex + 1] - start;
        EventSequence sequence = new EventSequence(customerIndex, known + recent.length);
        int k = 0;
        int r = 0;
        long recentTime = recent.length == 0 ? 0 : recent[0].timestamp().toEpochMilli();
        for (int position = 0; position < known + recent.length; position++) {
            int interaction = k < known ? interactions[start + k] : -1;
            if (interaction >= 0 && (r == recent.length || dataset.interactionEpochMillis(interaction) <= recentTime)) {
                sequence.set(position, interaction, dataset.interactionProduct(interaction),
                        dataset.interactionKind(interaction), dataset.interactionEpochMillis(interaction),
                        dataset.interactionWeight(interaction));
                k++;
            } else {
                Interaction event = recent[r];
                sequence.set(position, EventSequence.FROM_REQUEST, dataset.productIndex(event.productId()),
                        event.kind(), recentTime, event.weight());
                r++;
                recentTime = r < recent.length ? recent[r].timestamp().toEpochMilli() : 0;
            }
        }
        return sequence;
    }

    /**
     * Returns the heap this index occupies beyond its dataset: two {@code int} arrays, 4 bytes per interaction
     * and 4 bytes per customer, plus their headers.
     *
     * @return bytes, an estimate exact to the array headers' size
     */
    public long indexBytes() {
        return arrayBytes(offsets.length) + arrayBytes(interactions.length);
    }

    private static long arrayBytes(int ints) {
        long bytes = 16L + 4L * ints; // a 16-byte header covers 64-bit JVMs with and without compressed pointers
        return (bytes + 7) & ~7L;
    }

    /**
     * Tells what this index holds, for logs.
     *
     * @return a short summary
     */
    @Override
    public String toString() {
        return "CustomerHistories[" + dataset.name() + ": " + customerCount() + " customers, "
                + interactions.length + " interactions, " + indexBytes() + " bytes]";
    }
}
