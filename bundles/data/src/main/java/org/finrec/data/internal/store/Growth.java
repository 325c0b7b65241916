package org.finrec.data.internal.store;

/** How the store's growable arrays grow: by half their length, like {@code ArrayList}. */
final class Growth {

    private Growth() {
    }

    /**
     * Returns the next length of a full array.
     *
     * @param length the current length
     * @return a larger length
     * @throws IllegalStateException if the array cannot grow any more
     */
    static int nextLength(int length) {
        long grown = length + (length >> 1) + 16L;
        if (grown > Integer.MAX_VALUE - 8) {
            if (length >= Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("the store holds at most " + (Integer.MAX_VALUE - 8) + " entries");
            }
            return Integer.MAX_VALUE - 8;
        }
        return (int) grown;
    }
}
