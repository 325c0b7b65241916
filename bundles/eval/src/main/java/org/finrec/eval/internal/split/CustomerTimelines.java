package org.finrec.eval.internal.split;

import org.finrec.api.data.Dataset;

/**
 * Every customer's interactions, in time order: a compressed-row index over a range of a dataset's interaction
 * indices, built with one counting pass (O(interactions + customers), two int arrays).
 */
final class CustomerTimelines {

    private final int[] start;
    private final int[] interactions;

    private CustomerTimelines(int[] start, int[] interactions) {
        this.start = start;
        this.interactions = interactions;
    }

    /**
     * Groups the interactions {@code from .. to-1} of a dataset by customer, keeping their order.
     *
     * @param data the dataset
     * @param from first interaction index
     * @param to one past the last interaction index
     * @return the timelines
     */
    static CustomerTimelines of(Dataset data, int from, int to) {
        int[] start = new int[data.customerCount() + 1];
        for (int i = from; i < to; i++) {
            start[data.interactionCustomer(i) + 1]++;
        }
        for (int c = 0; c < data.customerCount(); c++) {
            start[c + 1] += start[c];
        }
        int[] next = start.clone();
        int[] interactions = new int[to - from];
        for (int i = from; i < to; i++) {
            interactions[next[data.interactionCustomer(i)]++] = i;
        }
        return new CustomerTimelines(start, interactions);
    }

    /**
     * Groups all interactions of a dataset by customer.
     *
     * @param data the dataset
     * @return the timelines
     */
    static CustomerTimelines of(Dataset data) {
        return of(data, 0, data.interactionCount());
    }

    /** How many interactions the customer has. */
    int length(int customer) {
        return start[customer + 1] - start[customer];
    }

    /** The customer's {@code position}-th interaction (0 = earliest), as an interaction index of the dataset. */
    int interaction(int customer, int position) {
        return interactions[start[customer] + position];
    }

    /** A new array of the customer's interaction indices, earliest first. */
    int[] interactions(int customer) {
        int[] copy = new int[length(customer)];
        System.arraycopy(interactions, start[customer], copy, 0, copy.length);
        return copy;
    }
}
