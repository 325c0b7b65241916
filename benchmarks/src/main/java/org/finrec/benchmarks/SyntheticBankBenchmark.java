package org.finrec.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.data.SyntheticBank;

/**
 * Time and memory of generating the synthetic bank at full scale (default 1,000,000 customers x 17 months),
 * against a baseline of one tenth of the customers in the same run: a ratio near 10 means generation scales
 * linearly. Memory is the heap the dataset keeps, measured after a full collection.
 */
final class SyntheticBankBenchmark {

    private SyntheticBankBenchmark() {
    }

    static void run(String[] options) {
        int customers = 1_000_000;
        int months = 17;
        for (int i = 0; i + 1 < options.length; i += 2) {
            switch (options[i]) {
                case "--customers":
                    customers = Integer.parseInt(options[i + 1]);
                    break;
                case "--months":
                    months = Integer.parseInt(options[i + 1]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + options[i]);
            }
        }
        int baselineCustomers = Math.max(1, customers / 10);
        measure(baselineCustomers, months); // warm-up
        Measurement baseline = measure(baselineCustomers, months);
        Measurement full = measure(customers, months);
        System.out.printf(Locale.ROOT, "%nSynthetic bank, %d months, %d cores, max heap %,d MB%n%n", months,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| customers | interactions | seconds | ratio to baseline | retained heap MB | bytes/customer |");
        System.out.println("|---|---|---|---|---|---|");
        print(baseline, baseline);
        print(full, baseline);
    }

    private record Measurement(int customers, int interactions, double seconds, long retainedBytes) {
    }

    private static Measurement measure(int customers, int months) {
        long before = usedHeapAfterGc();
        long started = System.nanoTime();
        Dataset bank = new SyntheticBank(customers, months, 42).generate(ProgressListener.NONE);
        double seconds = (System.nanoTime() - started) / 1e9;
        long retained = usedHeapAfterGc() - before;
        int interactions = bank.interactionCount();
        if (bank.customerCount() != customers) {
            throw new IllegalStateException("generated " + bank.customerCount() + " customers, not " + customers);
        }
        return new Measurement(customers, interactions, seconds, retained);
    }

    private static void print(Measurement measurement, Measurement baseline) {
        System.out.printf(Locale.ROOT, "| %,d | %,d | %.2f | %.2f | %,d | %,d |%n", measurement.customers(),
                measurement.interactions(), measurement.seconds(), measurement.seconds() / baseline.seconds(),
                measurement.retainedBytes() >> 20, measurement.retainedBytes() / measurement.customers());
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
