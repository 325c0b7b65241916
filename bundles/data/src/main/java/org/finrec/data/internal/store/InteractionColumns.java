package org.finrec.data.internal.store;

import java.util.Arrays;
import org.finrec.api.InteractionKind;

/**
 * Interactions as parallel primitive columns: customer index ({@code int}), product index ({@code int}), kind
 * ({@code byte} ordinal), time ({@code long} epoch milliseconds) and weight ({@code float}); 21 bytes each.
 * Grows while a {@link DatasetBuilder} adds interactions; read-only once sorted into a {@link ColumnarDataset}.
 */
final class InteractionColumns {

    private static final InteractionKind[] KINDS = InteractionKind.values();

    private int size;
    private int[] customers;
    private int[] products;
    private byte[] kinds;
    private long[] times;
    private float[] weights;

    InteractionColumns(int capacity) {
        customers = new int[capacity];
        products = new int[capacity];
        kinds = new byte[capacity];
        times = new long[capacity];
        weights = new float[capacity];
    }

    int size() {
        return size;
    }

    void add(int customer, int product, InteractionKind kind, long epochMillis, float weight) {
        if (size == customers.length) {
            int length = Growth.nextLength(size);
            customers = Arrays.copyOf(customers, length);
            products = Arrays.copyOf(products, length);
            kinds = Arrays.copyOf(kinds, length);
            times = Arrays.copyOf(times, length);
            weights = Arrays.copyOf(weights, length);
        }
        customers[size] = customer;
        products[size] = product;
        kinds[size] = (byte) kind.ordinal();
        times[size] = epochMillis;
        weights[size] = weight;
        size++;
    }

    int customer(int index) {
        return customers[index];
    }

    int product(int index) {
        return products[index];
    }

    InteractionKind kind(int index) {
        return KINDS[kinds[index]];
    }

    long epochMillis(int index) {
        return times[index];
    }

    float weight(int index) {
        return weights[index];
    }

    /**
     * Returns the stable time order of the interactions.
     *
     * @return positions in time order, or null when the interactions already are in time order
     */
    int[] timeOrder() {
        return TimeOrder.of(times, size);
    }

    /** Returns the interactions in stable time order, in new arrays without spare capacity. */
    InteractionColumns sortedByTime() {
        int[] order = timeOrder();
        InteractionColumns sorted = new InteractionColumns(0);
        sorted.size = size;
        if (order == null) {
            sorted.customers = Arrays.copyOf(customers, size);
            sorted.products = Arrays.copyOf(products, size);
            sorted.kinds = Arrays.copyOf(kinds, size);
            sorted.times = Arrays.copyOf(times, size);
            sorted.weights = Arrays.copyOf(weights, size);
        } else {
            sorted.customers = permute(customers, order);
            sorted.products = permute(products, order);
            sorted.kinds = new byte[size];
            sorted.times = new long[size];
            sorted.weights = new float[size];
            for (int i = 0; i < size; i++) {
                sorted.kinds[i] = kinds[order[i]];
                sorted.times[i] = times[order[i]];
                sorted.weights[i] = weights[order[i]];
            }
        }
        return sorted;
    }

    private static int[] permute(int[] column, int[] order) {
        int[] permuted = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            permuted[i] = column[order[i]];
        }
        return permuted;
    }
}
