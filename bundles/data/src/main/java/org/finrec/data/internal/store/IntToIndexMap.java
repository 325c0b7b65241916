package org.finrec.data.internal.store;

import java.util.Arrays;

/**
 * Maps {@code int} keys (such as Santander's numeric customer codes) to dense indices without boxing: open
 * addressing with linear probing over parallel {@code int} arrays. Not thread-safe.
 */
public final class IntToIndexMap {

    private static final int FREE = -1;

    private int[] keys;
    /** The index stored for each slot's key, {@link #FREE} for a free slot. */
    private int[] values;
    private int size;

    /**
     * Creates an empty map sized for a number of keys.
     *
     * @param expectedKeys how many keys will probably be added, 0 or more
     */
    public IntToIndexMap(int expectedKeys) {
        int tableSize = Integer.highestOneBit(Math.max(expectedKeys * 2 - 1, 8)) << 1;
        keys = new int[tableSize];
        values = newFreeTable(tableSize);
    }

    /**
     * Returns the number of keys.
     *
     * @return 0 or more
     */
    public int size() {
        return size;
    }

    /**
     * Finds the index of a key.
     *
     * @param key any int
     * @return the index, or -1 if the key is absent
     */
    public int get(int key) {
        int mask = keys.length - 1;
        for (int slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
            if (values[slot] == FREE) {
                return -1;
            }
            if (keys[slot] == key) {
                return values[slot];
            }
        }
    }

    /**
     * Stores the index of a key, replacing any earlier one.
     *
     * @param key any int
     * @param index the index, 0 or more
     * @throws IllegalArgumentException if the index is negative
     */
    public void put(int key, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        int mask = keys.length - 1;
        int slot = spread(key) & mask;
        while (values[slot] != FREE) {
            if (keys[slot] == key) {
                values[slot] = index;
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = index;
        if (++size * 2 > keys.length) {
            rehash(keys.length * 2);
        }
    }

    private void rehash(int tableSize) {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[tableSize];
        values = newFreeTable(tableSize);
        int mask = tableSize - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != FREE) {
                int slot = spread(oldKeys[i]) & mask;
                while (values[slot] != FREE) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private static int[] newFreeTable(int tableSize) {
        int[] table = new int[tableSize];
        Arrays.fill(table, FREE);
        return table;
    }

    private static int spread(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
