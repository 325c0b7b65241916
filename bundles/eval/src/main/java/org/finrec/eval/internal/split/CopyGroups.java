package org.finrec.eval.internal.split;

import java.util.Arrays;
import org.finrec.api.InteractionKind;
import org.finrec.api.data.Dataset;

/**
 * One customer's interactions grouped by copy: interactions with the same product and kind (a rating given twice,
 * a product bought again) form one group, so that a splitter can keep every copy in one part and never train on
 * a copy of a test answer. Groups are numbered 0, 1, ... in the order of their first interaction in the timeline;
 * a timeline without copies has group {@code p} at position {@code p}.
 */
final class CopyGroups {

    private static final int KINDS = InteractionKind.values().length;

    private final int[] groupAt;
    private final int count;

    private CopyGroups(int[] groupAt, int count) {
        this.groupAt = groupAt;
        this.count = count;
    }

    /**
     * Groups a customer's interactions (one sort of the timeline, O(n log n)).
     *
     * @param data the dataset
     * @param timelines its timelines
     * @param customer the customer index
     * @return the groups
     */
    static CopyGroups of(Dataset data, CustomerTimelines timelines, int customer) {
        int length = timelines.length(customer);
        long[] keyed = new long[length];
        for (int position = 0; position < length; position++) {
            int interaction = timelines.interaction(customer, position);
            long copyKey = (long) data.interactionProduct(interaction) * KINDS
                    + data.interactionKind(interaction).ordinal();
            keyed[position] = copyKey << 32 | position;
        }
        Arrays.sort(keyed);
        int[] leader = new int[length];
        for (int run = 0; run < length; ) {
            int first = (int) keyed[run];
            int end = run;
            while (end < length && keyed[end] >>> 32 == keyed[run] >>> 32) {
                leader[(int) keyed[end++]] = first;
            }
            run = end;
        }
        int[] groupAt = new int[length];
        int count = 0;
        for (int position = 0; position < length; position++) {
            groupAt[position] = leader[position] == position ? count++ : groupAt[leader[position]];
        }
        return new CopyGroups(groupAt, count);
    }

    /** How many groups (distinct product and kind) there are. */
    int count() {
        return count;
    }

    /** The group of the interaction at a timeline position. */
    int groupAt(int position) {
        return groupAt[position];
    }
}
