package org.finrec.data.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StringIndexTest {

    @Test
    void assignsDenseIndicesInInsertionOrderAndFindsThemAgain() {
        StringIndex index = new StringIndex();
        assertEquals(0, index.add("b"));
        assertEquals(1, index.add("a"));
        assertEquals(2, index.add(""));
        assertEquals(3, index.size());
        assertEquals(0, index.indexOf("b"));
        assertEquals(1, index.indexOf("a"));
        assertEquals(2, index.indexOf(""));
        assertEquals("a", index.key(1));
        assertEquals(-1, index.indexOf("c"));
        assertEquals(-1, index.indexOf(null));
    }

    @Test
    void addingAnExistingKeyReportsItsIndexAndAddsNothing() {
        StringIndex index = new StringIndex();
        index.add("x");
        index.add("y");
        assertEquals(-2, index.add("y"));
        assertEquals(2, index.size());
        assertEquals(1, index.intern("y"));
        assertEquals(2, index.intern("z"));
        assertEquals(3, index.size());
    }

    @Test
    void keepsKeysWithEqualHashCodesApart() {
        StringIndex index = new StringIndex();
        assertEquals("Aa".hashCode(), "BB".hashCode());
        index.add("Aa");
        index.add("BB");
        index.add("AaAa");
        index.add("BBBB");
        index.add("AaBB");
        assertEquals(0, index.indexOf("Aa"));
        assertEquals(1, index.indexOf("BB"));
        assertEquals(4, index.indexOf("AaBB"));
        assertEquals(-1, index.indexOf("BBAa"));
    }

    @Test
    void growsFarBeyondItsInitialSize() {
        StringIndex index = new StringIndex(1);
        for (int i = 0; i < 200_000; i++) {
            assertEquals(i, index.add("customer-" + i));
        }
        for (int i = 0; i < 200_000; i += 7) {
            assertEquals(i, index.indexOf("customer-" + i));
        }
        assertEquals(-1, index.indexOf("customer-200000"));
        index.trim();
        assertEquals("customer-199999", index.key(199_999));
        assertThrows(IndexOutOfBoundsException.class, () -> index.key(200_000));
    }

    @Test
    void rejectsNullKeys() {
        assertThrows(NullPointerException.class, () -> new StringIndex().add(null));
    }
}
