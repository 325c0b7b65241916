package org.finrec.data.internal.store;

import java.util.Arrays;

/**
 * Which products each customer holds, as a compressed sparse row matrix: customer {@code c}'s product indices are
 * {@code products[offsets[c] .. offsets[c+1])}, ascending and distinct. Immutable.
 */
final class HoldingsMatrix {

    private final int[] offsets;
    private final int[] products;

    private HoldingsMatrix(int[] offsets, int[] products) {
        this.offsets = offsets;
        this.products = products;
    }

    /**
     * Packs per-customer rows.
     *
     * @param rows sorted, distinct product indices per customer; a null row means none
     * @param customerCount how many rows to pack
     */
    static HoldingsMatrix of(int[][] rows, int customerCount) {
        int[] offsets = new int[customerCount + 1];
        long total = 0;
        for (int c = 0; c < customerCount; c++) {
            total += rows[c] == null ? 0 : rows[c].length;
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("too many holdings: more than " + (Integer.MAX_VALUE - 8));
            }
            offsets[c + 1] = (int) total;
        }
        int[] products = new int[(int) total];
        for (int c = 0; c < customerCount; c++) {
            if (rows[c] != null) {
                System.arraycopy(rows[c], 0, products, offsets[c], rows[c].length);
            }
        }
        return new HoldingsMatrix(offsets, products);
    }

    /** Returns a copy of a customer's product indices. */
    int[] row(int customer) {
        return Arrays.copyOfRange(products, offsets[customer], offsets[customer + 1]);
    }

    /** Returns how many products a customer holds. */
    int rowLength(int customer) {
        return offsets[customer + 1] - offsets[customer];
    }

    /** Returns the {@code k}-th product index a customer holds. */
    int product(int customer, int k) {
        return products[offsets[customer] + k];
    }

    /** Returns how many (customer, product) holdings there are in all. */
    int size() {
        return products.length;
    }
}
