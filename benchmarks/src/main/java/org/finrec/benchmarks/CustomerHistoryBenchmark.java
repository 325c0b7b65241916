package org.finrec.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.data.CustomerHistories;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.EventSequence;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.data.SyntheticBank;

/**
 * Memory and speed of the customer-history index that sequential models read, on the synthetic bank at full scale
 * (default 1,000,000 customers x 17 months) held in the columnar store: the heap the dataset keeps, the heap the
 * index adds (both measured after full collections, and the index's own {@link CustomerHistories#indexBytes()}
 * count), the time of the one build, a pass over every customer's history (what pretraining reads) and
 * {@link CustomerHistories#ofRequest} for random customers with a few recent events each (what serving reads),
 * against {@link CustomerHistories#ofCustomer} for the same customers as the baseline.
 */
final class CustomerHistoryBenchmark {

    private CustomerHistoryBenchmark() {
    }

    static void run(String[] options) {
        int customers = 1_000_000;
        int months = 17;
        int requests = 200_000;
        int recentEvents = 5;
        for (int i = 0; i + 1 < options.length; i += 2) {
            switch (options[i]) {
                case "--customers" -> customers = Integer.parseInt(options[i + 1]);
                case "--months" -> months = Integer.parseInt(options[i + 1]);
                case "--requests" -> requests = Integer.parseInt(options[i + 1]);
                case "--recent-events" -> recentEvents = Integer.parseInt(options[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + options[i]);
            }
        }
        long empty = SyntheticBankBenchmark.usedHeapAfterGc();
        Dataset bank = new SyntheticBank(customers, months, 42).generate(ProgressListener.NONE);
        long withDataset = SyntheticBankBenchmark.usedHeapAfterGc();
        long started = System.nanoTime();
        CustomerHistories histories = bank.customerHistories();
        double buildSeconds = (System.nanoTime() - started) / 1e9;
        long withIndex = SyntheticBankBenchmark.usedHeapAfterGc();
        if (bank.customerHistories() != histories) {
            throw new IllegalStateException("the dataset built its customer histories twice");
        }

        long datasetBytes = withDataset - empty;
        long measuredIndexBytes = withIndex - withDataset;
        int interactions = bank.interactionCount();
        System.out.printf(Locale.ROOT, "%nCustomer histories of the synthetic bank, %d months, %d cores, max heap %,d MB%n%n",
                months, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| customers | interactions | dataset MB | dataset bytes/customer | index MB, measured "
                + "| index MB, counted (4 B/interaction + 4 B/customer) | index bytes/customer | index / dataset "
                + "| build s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %,d | %,d | %.1f | %.0f | %.1f | %.1f | %.1f | %.3f | %.3f |%n", customers,
                interactions, datasetBytes / 1e6, (double) datasetBytes / customers, measuredIndexBytes / 1e6,
                histories.indexBytes() / 1e6, (double) measuredIndexBytes / customers,
                (double) measuredIndexBytes / datasetBytes, buildSeconds);

        long passStarted = System.nanoTime();
        long checksum = 0;
        for (int c = 0; c < customers; c++) {
            for (int k = 0, n = histories.length(c); k < n; k++) {
                checksum += bank.interactionProduct(histories.interactionIndex(c, k));
            }
        }
        double passSeconds = (System.nanoTime() - passStarted) / 1e9;

        SplittableRandom random = new SplittableRandom(7);
        long end = bank.interactionCount() == 0 ? 0 : bank.interactionEpochMillis(bank.interactionCount() - 1);
        List<RecommendationRequest> sample = new ArrayList<>();
        for (int r = 0; r < 10_000; r++) {
            int customer = random.nextInt(customers);
            List<Interaction> recent = new ArrayList<>();
            for (int e = 0; e < recentEvents; e++) {
                recent.add(Interaction.of(bank.customer(customer).id(),
                        bank.product(random.nextInt(bank.productCount())).id(), InteractionKind.VIEW,
                        Instant.ofEpochMilli(end + 1_000L * (recentEvents - e))));
            }
            sample.add(RecommendationRequest.builder(bank.customer(customer)).recentEvents(recent).build());
        }
        int[] sampleCustomers = sample.stream().mapToInt(r -> bank.customerIndex(r.customer().id())).toArray();
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            checksum += time(histories, sample, sampleCustomers, requests, true)[0];
            checksum += time(histories, sample, sampleCustomers, requests, false)[0];
        }
        long[] ofCustomer = time(histories, sample, sampleCustomers, requests, false);
        long[] ofRequest = time(histories, sample, sampleCustomers, requests, true);

        System.out.printf(Locale.ROOT, "%n| read | calls | calls/s | p50 µs | p99 µs | p99 / ofCustomer p99 |%n");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| every customer's history, by index (a pretraining pass) | %,d | %,.0f | | | |%n",
                customers, customers / passSeconds);
        print("ofCustomer(c)", ofCustomer, ofCustomer, requests);
        print("ofRequest(request), " + recentEvents + " recent events", ofRequest, ofCustomer, requests);
        System.out.printf(Locale.ROOT, "%n(checksum %d)%n", checksum);
    }

    /** Returns {checksum, total nanoseconds, p50 nanoseconds, p99 nanoseconds}. */
    private static long[] time(CustomerHistories histories, List<RecommendationRequest> sample,
            int[] sampleCustomers, int calls, boolean withRequest) {
        long[] nanos = new long[calls];
        long checksum = 0;
        long started = System.nanoTime();
        for (int call = 0; call < calls; call++) {
            int s = call % sample.size();
            long before = System.nanoTime();
            EventSequence sequence = withRequest ? histories.ofRequest(sample.get(s))
                    : histories.ofCustomer(sampleCustomers[s]);
            nanos[call] = System.nanoTime() - before;
            checksum += sequence.length();
        }
        long total = System.nanoTime() - started;
        Arrays.sort(nanos);
        return new long[] {checksum, total, nanos[calls / 2], nanos[(int) (calls * 0.99)]};
    }

    private static void print(String what, long[] timing, long[] baseline, int calls) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %,.0f | %.2f | %.2f | %.2f |%n", what, calls,
                calls / (timing[1] / 1e9), timing[2] / 1e3, timing[3] / 1e3, (double) timing[3] / baseline[3]);
    }
}
