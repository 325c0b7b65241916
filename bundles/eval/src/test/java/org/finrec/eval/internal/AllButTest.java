package org.finrec.eval.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The evaluator's candidates: every product index but a case's excluded ones. */
class AllButTest {

    @Test
    void skipsTheExcludedProducts() {
        assertArrayEquals(new int[] {0, 3, 5}, RankingEvaluator.allBut(6, new int[] {1, 2, 4}));
        assertArrayEquals(new int[] {0, 1, 2}, RankingEvaluator.allBut(3, new int[0]));
        assertArrayEquals(new int[0], RankingEvaluator.allBut(2, new int[] {0, 1}));
    }

    @Test
    void agreesWithFilteringOnRandomExclusions() {
        Random random = new Random(9);
        for (int run = 0; run < 500; run++) {
            int[] excluded = random.ints(0, 50).distinct().limit(random.nextInt(51)).sorted().toArray();
            int[] expected = IntStream.range(0, 50)
                    .filter(p -> Arrays.binarySearch(excluded, p) < 0).toArray();
            assertArrayEquals(expected, RankingEvaluator.allBut(50, excluded), "run " + run);
        }
    }
}
