package org.finrec.recommender.sequential.internal;

import java.util.Arrays;
import java.util.Set;
import org.finrec.api.InteractionKind;
import org.finrec.api.data.CustomerHistories;
import org.finrec.api.data.Dataset;

/**
 * Every customer's events as tokens, in time order, in flat primitive arrays (one batch is copied out of them at a
 * time, never per-sample objects). A customer whose last event is a target kind and who has at least two events
 * before it is also a validation case: that event is held out of training and predicted from the ones before it,
 * which is what early stopping watches.
 */
final class TrainingSequences {

    private final int[] offsets;
    private final int[] products;
    private final int[] kinds;
    private final int[] gaps;
    private final boolean[] targetKind;
    /** Per customer: where training stops (exclusive); the validation event, when there is one, is there. */
    private final int[] trainingEnd;
    private final int[] trainable;
    private final int[] validation;

    private TrainingSequences(int[] offsets, int[] products, int[] kinds, int[] gaps, boolean[] targetKind,
            int[] trainingEnd, int[] trainable, int[] validation) {
        this.offsets = offsets;
        this.products = products;
        this.kinds = kinds;
        this.gaps = gaps;
        this.targetKind = targetKind;
        this.trainingEnd = trainingEnd;
        this.trainable = trainable;
        this.validation = validation;
    }

    static TrainingSequences of(Dataset dataset, Set<InteractionKind> targetKinds) {
        CustomerHistories histories = dataset.customerHistories();
        int customers = histories.customerCount();
        int events = dataset.interactionCount();
        int[] offsets = new int[customers + 1];
        int[] products = new int[events];
        int[] kinds = new int[events];
        int[] gaps = new int[events];
        boolean[] target = new boolean[events];
        int[] trainingEnd = new int[customers];
        int[] trainable = new int[customers];
        int[] validation = new int[customers];
        int trainableCount = 0;
        int validationCount = 0;
        int at = 0;
        for (int c = 0; c < customers; c++) {
            offsets[c] = at;
            long previous = Long.MIN_VALUE;
            int length = histories.length(c);
            for (int p = 0; p < length; p++) {
                int interaction = histories.interactionIndex(c, p);
                InteractionKind kind = dataset.interactionKind(interaction);
                long time = dataset.interactionEpochMillis(interaction);
                products[at] = dataset.interactionProduct(interaction) + 1;
                kinds[at] = EventVocabulary.kindToken(kind);
                gaps[at] = EventVocabulary.gapToken(previous == Long.MIN_VALUE ? -1 : time - previous);
                target[at] = targetKinds.contains(kind);
                previous = time;
                at++;
            }
            boolean validates = length >= 3 && target[at - 1];
            trainingEnd[c] = validates ? at - 1 : at;
            if (validates) {
                validation[validationCount++] = c;
            }
            if (hasTarget(target, offsets[c] + 1, trainingEnd[c])) {
                trainable[trainableCount++] = c;
            }
        }
        offsets[customers] = at;
        return new TrainingSequences(offsets, products, kinds, gaps, target, trainingEnd,
                Arrays.copyOf(trainable, trainableCount), Arrays.copyOf(validation, validationCount));
    }

    private static boolean hasTarget(boolean[] target, int from, int to) {
        for (int i = from; i < to; i++) {
            if (target[i]) {
                return true;
            }
        }
        return false;
    }

    /** Customers with at least one training target, by customer index. */
    int[] trainable() {
        return trainable.clone();
    }

    /** Customers with a validation event, by customer index. */
    int[] validation() {
        return validation.clone();
    }

    /** The longest input a batch of these customers needs, at most {@code maxLength}. */
    int trainingLength(int[] customers, int from, int to, int maxLength) {
        int longest = 1;
        for (int i = from; i < to; i++) {
            int c = customers[i];
            longest = Math.max(longest, trainingEnd[c] - offsets[c] - 1);
        }
        return Math.min(longest, maxLength);
    }

    /**
     * Copies one training row: the last {@code length} inputs before the customer's last training event, left
     * padded, and at each position the product of the next event when it is a target kind (else 0).
     */
    void trainingRow(int customer, int length, long[] items, long[] kindTokens, long[] gapTokens, long[] targets,
            int row) {
        int end = trainingEnd[customer] - 1; // inputs end before the last training event, which is a target
        int start = Math.max(offsets[customer], end - length);
        int pad = copyEvents(start, end, length, items, kindTokens, gapTokens, row * length);
        for (int p = 0; p < length; p++) {
            int next = start + p - pad + 1;
            targets[row * length + p] = p >= pad && targetKind[next] ? products[next] : 0;
        }
    }

    /** Copies one validation row: the last {@code length} events before the validation event, left padded. */
    int validationRow(int customer, int length, long[] items, long[] kindTokens, long[] gapTokens, int row) {
        int end = trainingEnd[customer];
        copyEvents(Math.max(offsets[customer], end - length), end, length, items, kindTokens, gapTokens,
                row * length);
        return products[end];
    }

    /** Copies events [start, end) right-aligned into {@code length} slots at {@code base}; returns the padding. */
    private int copyEvents(int start, int end, int length, long[] items, long[] kindTokens, long[] gapTokens,
            int base) {
        int pad = length - (end - start);
        for (int p = 0; p < length; p++) {
            int i = start + p - pad;
            boolean present = p >= pad;
            items[base + p] = present ? products[i] : 0;
            kindTokens[base + p] = present ? kinds[i] : 0;
            gapTokens[base + p] = present ? gaps[i] : 0;
        }
        return pad;
    }
}
