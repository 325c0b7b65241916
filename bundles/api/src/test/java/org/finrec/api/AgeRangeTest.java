package org.finrec.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeRangeTest {

    @ParameterizedTest
    @CsvSource({"-1, 10", "0, 131", "40, 30"})
    void invalidBoundsAreRejected(int min, int max) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AgeRange(min, max));
        assertTrue(e.getMessage().contains(min + ".." + max), e.getMessage());
    }

    @Test
    void singleAgeRangeIsAllowed() {
        AgeRange range = new AgeRange(18, 18);
        assertTrue(range.contains(18));
        assertFalse(range.contains(17));
        assertFalse(range.contains(19));
    }

    @Test
    void containsIsInclusiveAtBothEnds() {
        AgeRange range = new AgeRange(18, 65);
        assertFalse(range.contains(17));
        assertTrue(range.contains(18));
        assertTrue(range.contains(65));
        assertFalse(range.contains(66));
    }

    @Test
    void onlyTheFullRangeIsUnrestricted() {
        assertTrue(AgeRange.ANY.isUnrestricted());
        assertTrue(new AgeRange(0, AgeRange.MAX_AGE).isUnrestricted());
        assertFalse(new AgeRange(1, AgeRange.MAX_AGE).isUnrestricted());
        assertFalse(new AgeRange(0, AgeRange.MAX_AGE - 1).isUnrestricted());
    }

    @Test
    void printsAsMinDashMax() {
        assertEquals("18-65", new AgeRange(18, 65).toString());
    }
}
