package org.finrec.recommender.cf.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link NeighbourHeap}: the k most similar, best first, ties to the lower index, whatever the offer order. */
class SimilarityTopNeighboursTest {

    @Test
    void selectsWhatAFullSortSelects() {
        Random random = new Random(3);
        for (int trial = 0; trial < 500; trial++) {
            int n = random.nextInt(60);
            int k = 1 + random.nextInt(12);
            double[] sims = new double[n];
            for (int i = 0; i < n; i++) {
                sims[i] = random.nextInt(6) / 5.0; // many ties
            }
            Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -sims[i]).thenComparingInt(i -> i));
            int[] expected = Arrays.stream(order).limit(k).mapToInt(Integer::intValue).toArray();

            int[] offers = IntStream.range(0, n).toArray();
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = offers[i];
                offers[i] = offers[j];
                offers[j] = t;
            }
            NeighbourHeap heap = new NeighbourHeap(k);
            heap.offer(99, 10); // cleared below: reuse must not leak
            heap.clear();
            for (int i : offers) {
                heap.offer(i, sims[i]);
            }
            int[] ids = new int[k];
            double[] got = new double[k];
            int count = heap.drain(ids, got);
            assertEquals(expected.length, count);
            assertArrayEquals(expected, Arrays.copyOf(ids, count), "trial " + trial);
            for (int r = 0; r < count; r++) {
                assertEquals(sims[ids[r]], got[r]);
            }
            assertEquals(0, heap.size());
        }
    }
}
