package org.finrec.data.internal.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * Gives distinct strings dense indices {@code 0, 1, 2, ...} in the order they are added and finds them again:
 * the identifier column and id lookup of customers and products, and the dictionary of a coded attribute column.
 *
 * <p>Open addressing with linear probing over an {@code int} table that points into the key array, so a lookup
 * allocates nothing and no key is boxed or stored twice. Not thread-safe while it grows; safe to share for reading
 * once no more keys are added.
 */
public final class StringIndex {

    private static final int EMPTY = 0;

    private String[] keys;
    private int size;
    /** {@code index + 1} of the key in each slot, {@link #EMPTY} for a free slot; length is a power of two. */
    private int[] slots;

    /** Creates an empty index. */
    public StringIndex() {
        this(16);
    }

    /**
     * Creates an empty index sized for a number of keys.
     *
     * @param expectedKeys how many keys will probably be added, 0 or more
     */
    public StringIndex(int expectedKeys) {
        keys = new String[Math.max(expectedKeys, 4)];
        slots = new int[tableSizeFor(keys.length)];
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
     * Finds a key's index.
     *
     * @param key a key; null is never present
     * @return the index, or -1 if the key was never added
     */
    public int indexOf(String key) {
        if (key == null) {
            return -1;
        }
        int mask = slots.length - 1;
        for (int slot = spread(key.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == EMPTY) {
                return -1;
            }
            if (keys[entry - 1].equals(key)) {
                return entry - 1;
            }
        }
    }

    /**
     * Adds a key that must be new.
     *
     * @param key the key, not null
     * @return the new key's index, or {@code -(existing index) - 1} if the key was already present (nothing is
     *     added then)
     */
    public int add(String key) {
        Objects.requireNonNull(key, "key");
        int mask = slots.length - 1;
        int slot = spread(key.hashCode()) & mask;
        for (; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == EMPTY) {
                break;
            }
            if (keys[entry - 1].equals(key)) {
                return -entry;
            }
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, Growth.nextLength(size));
        }
        keys[size] = key;
        slots[slot] = ++size;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return size - 1;
    }

    /**
     * Returns the index of a key, adding it first if it is new.
     *
     * @param key the key, not null
     * @return its index
     */
    public int intern(String key) {
        int index = add(key);
        return index >= 0 ? index : -index - 1;
    }

    /**
     * Returns the key at an index.
     *
     * @param index {@code 0 .. size()-1}
     * @return the key
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public String key(int index) {
        Objects.checkIndex(index, size);
        return keys[index];
    }

    /**
     * Drops spare capacity of the key array; call once no more keys will be added.
     *
     * @return this index
     */
    public StringIndex trim() {
        if (keys.length != size) {
            keys = Arrays.copyOf(keys, size);
        }
        return this;
    }

    private void rehash(int tableSize) {
        int[] table = new int[tableSize];
        int mask = tableSize - 1;
        for (int i = 0; i < size; i++) {
            int slot = spread(keys[i].hashCode()) & mask;
            while (table[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
        }
        slots = table;
    }

    /** Mixes the high bits into the low ones, which pick the slot (the murmur3 finaliser's first steps). */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int tableSizeFor(int keys) {
        return Integer.highestOneBit(Math.max(keys * 2 - 1, 8)) << 1;
    }
}
