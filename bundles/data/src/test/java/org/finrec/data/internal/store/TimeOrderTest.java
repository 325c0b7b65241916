package org.finrec.data.internal.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TimeOrderTest {

    @Test
    void reportsInputThatIsAlreadyInOrder() {
        assertNull(TimeOrder.of(new long[] {1, 1, 2, 5, 5, 9}, 6));
        assertNull(TimeOrder.of(new long[0], 0));
        assertNull(TimeOrder.of(new long[] {9, 1}, 1));
    }

    @Test
    void keepsTheOrderOfEqualTimestamps() {
        long[] times = {30, 10, 30, 10, 20, 10};
        assertArrayEquals(new int[] {1, 3, 5, 4, 0, 2}, TimeOrder.of(times, times.length));
    }

    @Test
    void ordersTimestampsWhoseRangeLeavesNoRoomForPackingWithTheMergeSort() {
        long[] times = {Long.MAX_VALUE, Long.MIN_VALUE, 0, Long.MIN_VALUE, Long.MAX_VALUE, -5};
        assertArrayEquals(new int[] {1, 3, 5, 2, 0, 4}, TimeOrder.of(times, times.length));
    }

    @Test
    void bothPathsAgreeWithAStableReferenceSort() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            int count = 1 + random.nextInt(5_000);
            long[] times = new long[count];
            for (int i = 0; i < count; i++) {
                times[i] = 1_420_070_400_000L + random.nextInt(40) * 86_400_000L;
            }
            int[] expected = IntStream.range(0, count).boxed()
                    .sorted(Comparator.comparingLong(i -> times[i])).mapToInt(Integer::intValue).toArray();
            int[] packed = TimeOrder.of(times, count);
            if (packed != null) {
                assertArrayEquals(expected, packed);
            }
            assertArrayEquals(expected, TimeOrder.mergeSort(times, count));
        }
    }
}
