package org.finrec.data.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntToIndexMapTest {

    @Test
    void mapsAnyIntKeyIncludingZeroAndNegatives() {
        IntToIndexMap map = new IntToIndexMap(0);
        map.put(0, 5);
        map.put(-1, 6);
        map.put(Integer.MIN_VALUE, 7);
        map.put(Integer.MAX_VALUE, 0);
        assertEquals(5, map.get(0));
        assertEquals(6, map.get(-1));
        assertEquals(7, map.get(Integer.MIN_VALUE));
        assertEquals(0, map.get(Integer.MAX_VALUE));
        assertEquals(-1, map.get(1));
        assertEquals(4, map.size());
    }

    @Test
    void replacesTheIndexOfAKnownKey() {
        IntToIndexMap map = new IntToIndexMap(4);
        map.put(1375586, 0);
        map.put(1375586, 9);
        assertEquals(9, map.get(1375586));
        assertEquals(1, map.size());
    }

    @Test
    void growsForAMillionKeys() {
        IntToIndexMap map = new IntToIndexMap(16);
        for (int i = 0; i < 1_000_000; i++) {
            map.put(15_889 + i * 3, i);
        }
        assertEquals(1_000_000, map.size());
        for (int i = 0; i < 1_000_000; i += 13) {
            assertEquals(i, map.get(15_889 + i * 3));
        }
        assertEquals(-1, map.get(15_890));
    }

    @Test
    void rejectsNegativeIndices() {
        assertThrows(IllegalArgumentException.class, () -> new IntToIndexMap(1).put(1, -1));
    }
}
