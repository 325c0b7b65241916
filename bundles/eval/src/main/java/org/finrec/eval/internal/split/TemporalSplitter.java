package org.finrec.eval.internal.split;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.finrec.api.InteractionKind;
import org.finrec.api.data.Dataset;
import org.finrec.eval.EvaluationCase;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;

/**
 * The Santander competition protocol: learn from the past, predict the products customers add next.
 *
 * <ul>
 *   <li>The training view keeps the interactions strictly before the cutoff (a prefix, so nothing is copied).</li>
 *   <li>Its holdings are those at the cutoff, replayed from those interactions in time order: {@code HOLD} and
 *       {@code PURCHASE} make a product owned, {@code CLOSE} makes it not owned, other kinds change nothing; a
 *       product with no such event before the cutoff is not held. The dataset's own holdings (as of its end) are
 *       ignored, and every customer of the view carries the replayed holdings; their other attributes are the
 *       dataset's (they are not versioned).</li>
 *   <li>A test case is made for each customer with at least one {@code PURCHASE} in {@code [cutoff, end)} of a
 *       product not held at the cutoff: relevant = those products (distinct), excluded = the holdings at the
 *       cutoff, customer = as the view shows them. A purchase of a product held at the cutoff is not an addition
 *       and is ignored, as in the competition. There are no validation cases.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class TemporalSplitter implements Splitter {

    private final Instant cutoff;
    private final Instant end;

    /**
     * Creates the splitter.
     *
     * @param cutoff first instant of the test period, not null
     * @param end first instant after the test period, after {@code cutoff}
     * @throws IllegalArgumentException if {@code end} is not after {@code cutoff}
     */
    public TemporalSplitter(Instant cutoff, Instant end) {
        this.cutoff = Objects.requireNonNull(cutoff, "cutoff");
        this.end = Objects.requireNonNull(end, "end");
        if (!end.isAfter(cutoff)) {
            throw new IllegalArgumentException("end " + end + " must be after cutoff " + cutoff);
        }
    }

    @Override
    public Split split(Dataset data) {
        String protocol = "temporal (train before " + cutoff + ", test purchases until " + end + ")";
        int cutoffIndex = firstAtOrAfter(data, 0, epochMillisCeiling(cutoff));
        int endIndex = firstAtOrAfter(data, cutoffIndex, epochMillisCeiling(end));
        int[][] holdings = holdingsAt(data, cutoffIndex);
        TrainingView train = TrainingView.keepingFirst(data, data.name() + "-train", holdings,
                cutoffIndex);

        CustomerTimelines testPeriod = CustomerTimelines.of(data, cutoffIndex, endIndex);
        List<EvaluationCase> test = new ArrayList<>();
        int[] added = new int[16];
        for (int c = 0; c < data.customerCount(); c++) {
            int count = 0;
            for (int position = 0; position < testPeriod.length(c); position++) {
                int interaction = testPeriod.interaction(c, position);
                int product = data.interactionProduct(interaction);
                if (data.interactionKind(interaction) == InteractionKind.PURCHASE
                        && !SortedIndices.contains(holdings[c], product)) {
                    if (count == added.length) {
                        added = Arrays.copyOf(added, 2 * count);
                    }
                    added[count++] = product;
                }
            }
            if (count > 0) {
                test.add(new EvaluationCase(train.customer(c), SortedIndices.of(added, count), holdings[c].clone()));
            }
        }
        return new Split(protocol, train, List.of(), test);
    }

    /** Replays ownership events before {@code cutoffIndex}: the holdings of every customer at the cutoff. */
    private static int[][] holdingsAt(Dataset data, int cutoffIndex) {
        CustomerTimelines past = CustomerTimelines.of(data, 0, cutoffIndex);
        int[][] holdings = new int[data.customerCount()][];
        boolean[] owned = new boolean[data.productCount()];
        for (int c = 0; c < holdings.length; c++) {
            int length = past.length(c);
            int[] touched = new int[length];
            for (int position = 0; position < length; position++) {
                int interaction = past.interaction(c, position);
                InteractionKind kind = data.interactionKind(interaction);
                int product = data.interactionProduct(interaction);
                touched[position] = product;
                if (kind.isOwnership()) {
                    owned[product] = true;
                } else if (kind == InteractionKind.CLOSE) {
                    owned[product] = false;
                }
            }
            int[] candidates = SortedIndices.of(touched, length);
            int size = 0;
            for (int product : candidates) {
                if (owned[product]) {
                    candidates[size++] = product;
                    owned[product] = false;
                }
            }
            holdings[c] = size == candidates.length ? candidates : Arrays.copyOf(candidates, size);
        }
        return holdings;
    }

    /** The first interaction index at or after {@code from} whose time is at least {@code millis}. */
    private static int firstAtOrAfter(Dataset data, int from, long millis) {
        int low = from;
        int high = data.interactionCount();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (data.interactionEpochMillis(middle) < millis) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * The smallest whole millisecond not before the instant, so that "interaction millis < this" means "interaction
     * before the instant"; saturates for instants beyond the millisecond range.
     */
    private static long epochMillisCeiling(Instant instant) {
        try {
            long floor = instant.toEpochMilli();
            return instant.getNano() % 1_000_000 == 0 ? floor : floor + 1;
        } catch (ArithmeticException beyondRange) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return "TemporalSplitter[" + cutoff + ", " + end + ")";
    }
}
