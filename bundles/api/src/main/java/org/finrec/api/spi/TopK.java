package org.finrec.api.spi;

import java.util.Arrays;

/**
 * Partial selection of the best {@code k} scores with a bounded min-heap: O(n log k), no full sort. Ties go to
 * the lower index so that rankings are deterministic. Non-finite scores (a recommender's "no opinion") are never
 * selected. The facade, the evaluator and recommenders that rank internally all select this way, so that a
 * ranking means the same everywhere. Stateless and thread-safe.
 */
public final class TopK {

    private TopK() {
    }

    /**
     * Selects the indices of the {@code k} highest finite scores.
     *
     * @param scores the scores
     * @param k how many to select, 1 or more
     * @return indices, best first; fewer than {@code k} when fewer scores are finite
     */
    public static int[] select(double[] scores, int k) {
        int[] heap = new int[Math.min(k, scores.length)];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                continue;
            }
            if (size < heap.length) {
                heap[size] = i;
                siftUp(heap, size++, scores);
            } else if (size > 0 && better(i, heap[0], scores)) {
                heap[0] = i;
                siftDown(heap, size, scores);
            }
        }
        int[] best = Arrays.copyOf(heap, size);
        for (int end = size - 1; end > 0; end--) {
            int worst = best[0];
            best[0] = best[end];
            best[end] = worst;
            siftDown(best, end, scores);
        }
        return best;
    }

    /** True if index {@code a} ranks above index {@code b}. */
    private static boolean better(int a, int b, double[] scores) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }

    private static void siftUp(int[] heap, int position, double[] scores) {
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!better(heap[parent], heap[position], scores)) {
                return;
            }
            swap(heap, parent, position);
            position = parent;
        }
    }

    private static void siftDown(int[] heap, int size, double[] scores) {
        int position = 0;
        while (true) {
            int left = 2 * position + 1;
            if (left >= size) {
                return;
            }
            int worse = left;
            int right = left + 1;
            if (right < size && better(heap[left], heap[right], scores)) {
                worse = right;
            }
            if (!better(heap[position], heap[worse], scores)) {
                return;
            }
            swap(heap, position, worse);
            position = worse;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
