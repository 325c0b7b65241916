package org.finrec.data.internal.store;

/**
 * A set of {@code long} keys without boxing: open addressing with linear probing over one {@code long} array, at
 * most half full, so it takes 16 to 32 bytes per key. Not thread-safe.
 */
public final class LongSet {

    /** Marks a free slot; the key {@value} itself is kept in {@link #hasFreeKey}. */
    private static final long FREE = 0L;

    private long[] slots;
    private int size;
    private boolean hasFreeKey;

    /**
     * Creates an empty set sized for a number of keys.
     *
     * @param expectedKeys how many keys will probably be added, 0 or more
     */
    public LongSet(int expectedKeys) {
        slots = new long[Integer.highestOneBit(Math.max(expectedKeys * 2 - 1, 8)) << 1];
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
     * Adds a key.
     *
     * @param key any long
     * @return true if the key was new, false if it was there already
     */
    public boolean add(long key) {
        if (key == FREE) {
            if (hasFreeKey) {
                return false;
            }
            hasFreeKey = true;
            size++;
            return true;
        }
        int mask = slots.length - 1;
        int slot = spread(key) & mask;
        while (slots[slot] != FREE) {
            if (slots[slot] == key) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = key;
        if (++size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return true;
    }

    private void rehash(int tableSize) {
        long[] old = slots;
        slots = new long[tableSize];
        int mask = tableSize - 1;
        for (long key : old) {
            if (key != FREE) {
                int slot = spread(key) & mask;
                while (slots[slot] != FREE) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = key;
            }
        }
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
