package org.finrec.eval.internal.split;

import java.util.Arrays;

/**
 * Sets of product (or customer) indices kept as strictly ascending {@code int} arrays, the form {@link
 * org.finrec.eval.EvaluationCase} and {@link org.finrec.api.data.Dataset#holdings(int)} use.
 */
final class SortedIndices {

    static final int[] EMPTY = new int[0];

    private SortedIndices() {
    }

    /**
     * Returns {@code 0 .. count-1}.
     *
     * @param count how many values, 0 or more
     * @return a new strictly ascending array
     */
    static int[] range(int count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = i;
        }
        return values;
    }

    /**
     * Sorts and deduplicates the first {@code length} values.
     *
     * @param values the values; not modified
     * @param length how many of them to take
     * @return a new strictly ascending array
     */
    static int[] of(int[] values, int length) {
        if (length == 0) {
            return EMPTY;
        }
        int[] sorted = Arrays.copyOf(values, length);
        Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
    }

    /**
     * Returns the values of {@code a} that are in neither {@code b} nor {@code c}.
     *
     * @param a a strictly ascending array
     * @param b a strictly ascending array
     * @param c a strictly ascending array
     * @return a strictly ascending array ({@code a} itself when nothing is removed)
     */
    static int[] minus(int[] a, int[] b, int[] c) {
        int[] kept = new int[a.length];
        int size = 0;
        for (int value : a) {
            if (!contains(b, value) && !contains(c, value)) {
                kept[size++] = value;
            }
        }
        return size == a.length ? a : Arrays.copyOf(kept, size);
    }

    /**
     * Returns the values of {@code a} that are not in {@code b}.
     *
     * @param a a strictly ascending array
     * @param b a strictly ascending array
     * @return a strictly ascending array ({@code a} itself when nothing is removed)
     */
    static int[] minus(int[] a, int[] b) {
        return minus(a, b, EMPTY);
    }

    /**
     * Returns the values in {@code a} or {@code b}.
     *
     * @param a a strictly ascending array
     * @param b a strictly ascending array
     * @return a new strictly ascending array
     */
    static int[] union(int[] a, int[] b) {
        int[] merged = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int size = 0;
        while (i < a.length || j < b.length) {
            int next = j == b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            if (i < a.length && a[i] == next) {
                i++;
            }
            if (j < b.length && b[j] == next) {
                j++;
            }
            merged[size++] = next;
        }
        return size == merged.length ? merged : Arrays.copyOf(merged, size);
    }

    static boolean contains(int[] sorted, int value) {
        return Arrays.binarySearch(sorted, value) >= 0;
    }
}
