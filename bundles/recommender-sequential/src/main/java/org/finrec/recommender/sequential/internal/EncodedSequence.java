package org.finrec.recommender.sequential.internal;

/**
 * One sequence as tokens, oldest first, as the encoder reads it.
 *
 * @param products product tokens, never 0
 * @param kinds event-kind tokens
 * @param gaps time-gap tokens
 */
record EncodedSequence(int[] products, int[] kinds, int[] gaps) {

    int length() {
        return products.length;
    }

    /** Copies into row arrays of a batch, right-aligned in {@code length} slots, padding before. */
    void copyLeftPadded(long[] items, long[] kindTokens, long[] gapTokens, int offset, int length) {
        int pad = length - products.length;
        for (int p = 0; p < products.length; p++) {
            items[offset + pad + p] = products[p];
            kindTokens[offset + pad + p] = kinds[p];
            gapTokens[offset + pad + p] = gaps[p];
        }
    }

    /** The same sequence without the event at a position (for leave-one-out explanations). */
    EncodedSequence without(int position) {
        return new EncodedSequence(remove(products, position), remove(kinds, position), remove(gaps, position));
    }

    private static int[] remove(int[] values, int position) {
        int[] fewer = new int[values.length - 1];
        System.arraycopy(values, 0, fewer, 0, position);
        System.arraycopy(values, position + 1, fewer, position, fewer.length - position);
        return fewer;
    }
}
