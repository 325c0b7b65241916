package org.finrec.recommender.cf.internal;

/**
 * Partial selection of the {@code capacity} most similar neighbours with a bounded min-heap (O(n log k), no sort
 * of all candidates). A higher similarity wins; equal similarities go to the lower index, so the selection does
 * not depend on the order of the offers. Reusable ({@link #clear}) so that scoring allocates nothing; not
 * thread-safe: one heap per thread.
 */
final class NeighbourHeap {

    private final int[] ids;
    private final double[] sims;
    private int size;

    NeighbourHeap(int capacity) {
        ids = new int[capacity];
        sims = new double[capacity];
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** Whether a candidate would enter the heap now. */
    boolean accepts(int id, double sim) {
        return size < ids.length || (size > 0 && worse(ids[0], sims[0], id, sim));
    }

    /** Offers a candidate; it stays if it is among the best {@code capacity} offered since {@link #clear}. */
    void offer(int id, double sim) {
        if (size < ids.length) {
            int position = size++;
            while (position > 0) {
                int parent = (position - 1) >>> 1;
                if (!worse(id, sim, ids[parent], sims[parent])) {
                    break;
                }
                ids[position] = ids[parent];
                sims[position] = sims[parent];
                position = parent;
            }
            ids[position] = id;
            sims[position] = sim;
        } else if (ids.length > 0 && worse(ids[0], sims[0], id, sim)) {
            siftDown(id, sim, size);
        }
    }

    /**
     * Empties the heap into arrays, best first.
     *
     * @param outIds receives the ids, at least {@link #size()} long
     * @param outSims receives the similarities
     * @return the number of neighbours written
     */
    int drain(int[] outIds, double[] outSims) {
        int count = size;
        for (int end = count - 1; end >= 0; end--) {
            outIds[end] = ids[0];
            outSims[end] = sims[0];
            int lastId = ids[end];
            double lastSim = sims[end];
            size = end;
            if (end > 0) {
                siftDown(lastId, lastSim, end);
            }
        }
        size = 0;
        return count;
    }

    /** Places a candidate at the root and sifts it down within {@code heapSize} entries. */
    private void siftDown(int id, double sim, int heapSize) {
        int position = 0;
        while (true) {
            int child = 2 * position + 1;
            if (child >= heapSize) {
                break;
            }
            int right = child + 1;
            if (right < heapSize && worse(ids[right], sims[right], ids[child], sims[child])) {
                child = right;
            }
            if (!worse(ids[child], sims[child], id, sim)) {
                break;
            }
            ids[position] = ids[child];
            sims[position] = sims[child];
            position = child;
        }
        ids[position] = id;
        sims[position] = sim;
    }

    /** True if neighbour (idA, simA) ranks below (idB, simB). */
    private static boolean worse(int idA, double simA, int idB, double simB) {
        return simA < simB || (simA == simB && idA > idB);
    }
}
