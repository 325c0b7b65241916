package org.finrec.eval.internal.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ColdStartTest {

    /*
     * SplittableRandom(1) draws nextInt(4) = 1, nextInt(3) = 0: [10, 20, 30, 40] becomes [20, 10, 30, 40], the
     * first two are chosen. Seed 4 draws 2, 2: [30, 20, 10, 40], then [30, 40, 10, 20].
     */
    @Test
    void samplesAShuffledPrefixInAscendingOrder() {
        int[] population = {10, 20, 30, 40};
        assertArrayEquals(new int[] {10, 20}, ColdStart.sample(population, 0.5, 1));
        assertArrayEquals(new int[] {30, 40}, ColdStart.sample(population, 0.5, 4));
        assertArrayEquals(ColdStart.sample(population, 0.5, 4), ColdStart.sample(population, 0.5, 4));
        assertArrayEquals(new int[] {10, 20, 30, 40}, population, "the population is not modified");
    }

    @Test
    void roundsTheShareHalvesUp() {
        int[] three = {0, 1, 2};
        assertEquals(2, ColdStart.sample(three, 0.5, 7).length);
        assertArrayEquals(new int[] {5}, ColdStart.sample(new int[] {5}, 0.5, 7));
        assertEquals(0, ColdStart.sample(three, 0.16, 7).length);
        assertEquals(3, ColdStart.sample(three, 0.9, 7).length);
        assertEquals(0, ColdStart.sample(new int[0], 0.5, 7).length);
    }

    @Test
    void formatsSharesAsPercentages() {
        assertEquals("20%", ColdStart.percent(0.2));
        assertEquals("12.5%", ColdStart.percent(0.125));
        assertEquals("7%", ColdStart.percent(0.07));
        assertEquals("33.33%", ColdStart.percent(1.0 / 3));
    }
}
