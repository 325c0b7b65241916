package org.finrec.data.internal.store;

import java.util.Arrays;

/**
 * Computes the stable order of interactions by time: a permutation that sorts the timestamps ascending and keeps
 * the insertion order of equal timestamps.
 *
 * <p>Three paths, fastest first: input already in order (a check); timestamps whose range and the entry count fit
 * together into 63 bits are sorted as packed {@code (time - min) << bits | position} longs with the JDK's primitive
 * sort (one array, in place); anything else falls back to a merge sort of (time, position) pairs. None boxes.
 */
final class TimeOrder {

    private TimeOrder() {
    }

    /**
     * Returns the stable ascending order of the first {@code count} timestamps.
     *
     * @param times timestamps, at least {@code count} long
     * @param count how many to order
     * @return positions {@code 0 .. count-1} in time order, or null when they already are in order
     */
    static int[] of(long[] times, int count) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean sorted = true;
        for (int i = 0; i < count; i++) {
            long time = times[i];
            if (i > 0 && time < times[i - 1]) {
                sorted = false;
            }
            min = Math.min(min, time);
            max = Math.max(max, time);
        }
        if (sorted) {
            return null;
        }
        int positionBits = 32 - Integer.numberOfLeadingZeros(count - 1);
        long range = max - min; // may overflow to negative for extreme spans
        if (range >= 0 && 64 - Long.numberOfLeadingZeros(range) + positionBits <= 63) {
            return packedSort(times, count, min, positionBits);
        }
        return mergeSort(times, count);
    }

    private static int[] packedSort(long[] times, int count, long min, int positionBits) {
        long[] packed = new long[count];
        for (int i = 0; i < count; i++) {
            packed[i] = (times[i] - min) << positionBits | i;
        }
        Arrays.sort(packed);
        long positionMask = (1L << positionBits) - 1;
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = (int) (packed[i] & positionMask);
        }
        return order;
    }

    /** Bottom-up merge sort of (time, position) pairs; taking from the left run on ties keeps it stable. */
    static int[] mergeSort(long[] times, int count) {
        long[] keys = Arrays.copyOf(times, count);
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        long[] keyBuffer = new long[count];
        int[] orderBuffer = new int[count];
        for (long width = 1; width < count; width *= 2) {
            for (long run = 0; run < count; run += 2 * width) {
                int start = (int) run;
                int middle = (int) Math.min(run + width, count);
                int end = (int) Math.min(run + 2 * width, count);
                int left = start;
                int right = middle;
                for (int out = start; out < end; out++) {
                    if (left < middle && (right >= end || keys[left] <= keys[right])) {
                        keyBuffer[out] = keys[left];
                        orderBuffer[out] = order[left++];
                    } else {
                        keyBuffer[out] = keys[right];
                        orderBuffer[out] = order[right++];
                    }
                }
            }
            long[] swapKeys = keys;
            keys = keyBuffer;
            keyBuffer = swapKeys;
            int[] swapOrder = order;
            order = orderBuffer;
            orderBuffer = swapOrder;
        }
        return order;
    }
}
