package org.finrec.eval.internal.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SortedIndicesTest {

    @Test
    void sortsAndDeduplicatesAPrefix() {
        int[] values = {5, 1, 5, 3, 1, 9};
        assertArrayEquals(new int[] {1, 3, 5}, SortedIndices.of(values, 5));
        assertArrayEquals(new int[] {5, 1, 5, 3, 1, 9}, values, "the input is not modified");
        assertArrayEquals(new int[0], SortedIndices.of(values, 0));
    }

    @Test
    void unionAndDifference() {
        assertArrayEquals(new int[] {0, 1, 2, 4, 7}, SortedIndices.union(new int[] {1, 2, 7}, new int[] {0, 2, 4}));
        assertArrayEquals(new int[] {3}, SortedIndices.union(new int[0], new int[] {3}));
        assertArrayEquals(new int[] {1, 7}, SortedIndices.minus(new int[] {1, 2, 7}, new int[] {0, 2, 4}));
        assertArrayEquals(new int[] {7}, SortedIndices.minus(new int[] {1, 2, 7}, new int[] {2}, new int[] {1}));
        int[] untouched = {1, 2};
        assertSame(untouched, SortedIndices.minus(untouched, new int[] {3}));
        assertTrue(SortedIndices.contains(new int[] {1, 4}, 4));
        assertFalse(SortedIndices.contains(new int[] {1, 4}, 2));
    }
}
