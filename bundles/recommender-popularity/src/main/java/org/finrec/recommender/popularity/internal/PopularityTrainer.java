package org.finrec.recommender.popularity.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.data.Trainer;

/**
 * Counts, for every product, the distinct customers who adopted it: those who hold it at the end of the dataset
 * and those with an interaction of a positive kind (by default {@code PURCHASE} and {@code HOLD}); overall and
 * within each value of a customer attribute (the segment).
 */
final class PopularityTrainer implements Trainer<PopularityModel> {

    private static final int PROGRESS_EVERY = 1 << 20;

    private final String segmentAttribute;
    private final double smoothing;
    private final Set<InteractionKind> positiveKinds;

    PopularityTrainer(String segmentAttribute, double smoothing, Set<InteractionKind> positiveKinds) {
        if (!(smoothing >= 0) || Double.isInfinite(smoothing)) {
            throw new IllegalArgumentException("smoothing must be finite and >= 0, got " + smoothing);
        }
        this.segmentAttribute = segmentAttribute;
        this.smoothing = smoothing;
        this.positiveKinds = positiveKinds.isEmpty() ? EnumSet.noneOf(InteractionKind.class)
                : EnumSet.copyOf(positiveKinds);
    }

    @Override
    public PopularityModel train(Dataset dataset, ProgressListener progress) {
        int customers = dataset.customerCount();
        int products = dataset.productCount();
        if (products == 0) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " has no products to rank");
        }

        // Segment of every customer as a small int; -1 when the customer lacks the attribute.
        Map<String, Integer> segmentIds = new HashMap<>();
        int[] segmentOf = new int[customers];
        for (int c = 0; c < customers; c++) {
            Customer customer = dataset.customer(c);
            String segment = customer.attribute(segmentAttribute).orElse(null);
            segmentOf[c] = segment == null ? -1 : segmentIds.computeIfAbsent(segment, s -> segmentIds.size());
            report(progress, "reading segments", c, customers);
        }

        // Distinct (customer, product) adoptions as sorted long keys: no per-customer sets, bounded memory.
        long[] keys = new long[Math.max(16, customers)];
        int size = 0;
        for (int c = 0; c < customers; c++) {
            for (int p : dataset.holdings(c)) {
                keys = grow(keys, size);
                keys[size++] = (long) c * products + p;
            }
        }
        int interactions = dataset.interactionCount();
        for (int i = 0; i < interactions; i++) {
            if (positiveKinds.contains(dataset.interactionKind(i))) {
                keys = grow(keys, size);
                keys[size++] = (long) dataset.interactionCustomer(i) * products + dataset.interactionProduct(i);
            }
            report(progress, "reading interactions", i, interactions);
        }
        Arrays.sort(keys, 0, size);

        int[] adopters = new int[products];
        int[][] segmentAdopters = new int[segmentIds.size()][products];
        int[] segmentSizes = new int[segmentIds.size()];
        for (int c = 0; c < customers; c++) {
            if (segmentOf[c] >= 0) {
                segmentSizes[segmentOf[c]]++;
            }
        }
        for (int i = 0; i < size; i++) {
            if (i > 0 && keys[i] == keys[i - 1]) {
                continue;
            }
            int c = (int) (keys[i] / products);
            int p = (int) (keys[i] % products);
            adopters[p]++;
            if (segmentOf[c] >= 0) {
                segmentAdopters[segmentOf[c]][p]++;
            }
        }

        String[] productIds = new String[products];
        for (int p = 0; p < products; p++) {
            productIds[p] = dataset.product(p).id();
        }
        Map<String, PopularityModel.SegmentCounts> segments = new HashMap<>();
        segmentIds.forEach((segment, id) -> segments.put(segment,
                new PopularityModel.SegmentCounts(segmentSizes[id], segmentAdopters[id])));
        progress.progress("counted adoptions", size, size);
        return new PopularityModel(null, segmentAttribute, smoothing, customers, productIds, adopters, segments);
    }

    private static long[] grow(long[] keys, int size) {
        return size < keys.length ? keys : Arrays.copyOf(keys, keys.length + (keys.length >> 1) + 16);
    }

    private static void report(ProgressListener progress, String step, int done, int total) {
        if ((done & (PROGRESS_EVERY - 1)) == 0) {
            progress.progress(step, done, total);
        }
    }
}
