package org.finrec.api.data;

import org.finrec.api.InteractionKind;

/**
 * One customer's events in time order, earliest first, as primitive columns by position
 * {@code 0 .. length()-1}: the input of a sequential model for one customer or one request. Made by
 * {@link CustomerHistories#ofCustomer(int)} and {@link CustomerHistories#ofRequest(org.finrec.api.recommend.RecommendationRequest)}.
 *
 * <p>An event comes either from the dataset ({@link #interactionIndex(int)} is its interaction index there) or
 * from the request ({@link #FROM_REQUEST}). Product indices are the dataset's; a request's event for a product the
 * dataset does not know has {@link #UNKNOWN_PRODUCT}.
 *
 * <p>Immutable once made and thread-safe; about 25 bytes per event.
 */
public final class EventSequence {

    /** The product index of an event whose product the dataset does not know. */
    public static final int UNKNOWN_PRODUCT = -1;

    /** The interaction index of an event that came from the request, not from the dataset. */
    public static final int FROM_REQUEST = -1;

    private static final InteractionKind[] KINDS = InteractionKind.values();

    private final int customerIndex;
    private final int[] interactionIndices;
    private final int[] products;
    private final byte[] kinds;
    private final long[] times;
    private final double[] weights;

    EventSequence(int customerIndex, int length) {
        this.customerIndex = customerIndex;
        interactionIndices = new int[length];
        products = new int[length];
        kinds = new byte[length];
        times = new long[length];
        weights = new double[length];
    }

    /** Fills one position while {@link CustomerHistories} makes the sequence; never called afterwards. */
    void set(int position, int interactionIndex, int product, InteractionKind kind, long epochMillis,
            double weight) {
        interactionIndices[position] = interactionIndex;
        products[position] = product;
        kinds[position] = (byte) kind.ordinal();
        times[position] = epochMillis;
        weights[position] = weight;
    }

    /**
     * Returns the customer's index in the dataset.
     *
     * @return a customer index, or -1 when the dataset does not know the request's customer
     */
    public int customerIndex() {
        return customerIndex;
    }

    /**
     * Returns the number of events.
     *
     * @return 0 or more
     */
    public int length() {
        return products.length;
    }

    /**
     * Returns the product of an event.
     *
     * @param position {@code 0 .. length()-1}
     * @return the dataset's product index, or {@link #UNKNOWN_PRODUCT}
     * @throws ArrayIndexOutOfBoundsException if the position is out of range
     */
    public int product(int position) {
        return products[position];
    }

    /**
     * Returns the kind of an event.
     *
     * @param position {@code 0 .. length()-1}
     * @return the kind, never null
     * @throws ArrayIndexOutOfBoundsException if the position is out of range
     */
    public InteractionKind kind(int position) {
        return KINDS[kinds[position]];
    }

    /**
     * Returns the time of an event; times never decrease with the position.
     *
     * @param position {@code 0 .. length()-1}
     * @return milliseconds since the epoch
     * @throws ArrayIndexOutOfBoundsException if the position is out of range
     */
    public long epochMillis(int position) {
        return times[position];
    }

    /**
     * Returns the weight of an event.
     *
     * @param position {@code 0 .. length()-1}
     * @return a finite weight, 0 or more
     * @throws ArrayIndexOutOfBoundsException if the position is out of range
     */
    public double weight(int position) {
        return weights[position];
    }

    /**
     * Tells where an event came from.
     *
     * @param position {@code 0 .. length()-1}
     * @return the event's interaction index in the dataset, or {@link #FROM_REQUEST}
     * @throws ArrayIndexOutOfBoundsException if the position is out of range
     */
    public int interactionIndex(int position) {
        return interactionIndices[position];
    }

    /**
     * Tells what this sequence holds, for logs.
     *
     * @return a short summary
     */
    @Override
    public String toString() {
        int fromRequest = 0;
        for (int interactionIndex : interactionIndices) {
            if (interactionIndex == FROM_REQUEST) {
                fromRequest++;
            }
        }
        return "EventSequence[customer " + customerIndex + ": " + length() + " events, " + fromRequest
                + " from the request]";
    }
}
