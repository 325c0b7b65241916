package org.finrec.samplehost;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.finrec.api.Customer;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RequestContext;
import org.finrec.data.SyntheticBank;
import org.finrec.eval.Leaderboard;
import org.finrec.eval.Splitter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: generates the synthetic bank, starts the runtime on it, evaluates the recommenders on the last
 * month (the Santander competition protocol) and prints the leaderboard and recommendations with reasons.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the synthetic bank, evaluate the recommenders on its last month, and print "
                + "recommendations with reasons for a few customers.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--customers", defaultValue = "50000",
            description = "Customers in the synthetic bank (default ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--months", defaultValue = "17", description = "Monthly snapshots (default ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the bank (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--show", defaultValue = "4", description = "Customers to show (default ${DEFAULT-VALUE}).")
    int shown;

    @Option(names = "-k", defaultValue = "7", description = "Cut-off of the evaluation (default ${DEFAULT-VALUE}; "
            + "the Santander competition scored MAP@7).")
    int k;

    @Option(names = "--bundles", description = "Folder of bundle JARs (default: bundles/ beside the sample host).")
    Path bundles;

    /** Heap the runtime, its bundles and the evaluation's fixed parts take whatever the bank's size. */
    static final long FIXED_BYTES = 64L << 20;

    /**
     * How many times the bank's own store the demo needs per customer: the training view and its replayed
     * holdings, the customer histories, the Dataset service, and every contender's model (ALS and BPR factors,
     * k-NN neighbours, content features). Measured on the 50,000-customer bank: it runs in 14 s with
     * {@code -Xmx160m}, thrashes for 10 minutes with 120 MB and fails with 80 MB; with this factor the demo asks
     * for about 150 MB there (the store is estimated at 341 bytes per customer).
     */
    static final int EVALUATION_FACTOR = 5;

    private final PrintStream out = System.out;

    /**
     * The demo's protocol on a synthetic bank: the products added in its last month (its last interactions' day),
     * predicted from the months before.
     */
    static Splitter lastMonth(Dataset bank) {
        Instant last = Instant.ofEpochMilli(bank.interactionEpochMillis(bank.interactionCount() - 1));
        return Splitter.temporal(last, last.plus(Duration.ofDays(1)));
    }

    /**
     * The most customers a demo of this bank's months and seed can hold in a heap.
     *
     * @param bank the bank, not generated yet
     * @param maxMemory the heap, as {@link Runtime#maxMemory()} gives it
     * @return 0 or more
     */
    static long maxCustomers(SyntheticBank bank, long maxMemory) {
        return Math.max(0, maxMemory - FIXED_BYTES) / (bank.estimatedBytesPerCustomer() * EVALUATION_FACTOR);
    }

    @Override
    public Integer call() {
        SyntheticBank synthetic = new SyntheticBank(customers, months, seed);
        long heap = Runtime.getRuntime().maxMemory();
        long fits = maxCustomers(synthetic, heap);
        if (customers > fits) {
            System.err.printf("--customers %,d does not fit: at most %,d customers of %d months fit in this JVM's "
                    + "maximum heap of %,d MB (about %,d bytes per customer for the bank, its evaluation and its "
                    + "models); give fewer customers or a larger heap (java -Xmx...)%n", customers, fits, months,
                    heap >> 20, synthetic.estimatedBytesPerCustomer() * EVALUATION_FACTOR);
            return 1;
        }
        ConsoleProgress progress = ConsoleProgress.onStandardError();
        Dataset bank = synthetic.generate(progress);
        progress.finish();
        try (EmbeddedFinrec finrec = EmbeddedFinrec.start(EmbeddedFinrec.bundleFolder(bundles), bank)) {
            out.printf("Finrec sample host: synthetic bank of %,d customers, %d products, %,d interactions over %d "
                    + "months (seed %d); runtime started in %d ms with %d bundles%n%n", bank.customerCount(),
                    bank.productCount(), bank.interactionCount(), months, seed,
                    finrec.runtime().startupTime().toMillis(), finrec.runtime().provisionedBundles().size());

            Leaderboard leaderboard = new EvaluationHarness(finrec.runtime(), progress, Duration.ofMinutes(10))
                    .evaluate(bank.name(), lastMonth(bank).split(bank), Contenders.forDataset(bank), k);
            progress.finish();
            out.println("Products added in the last month, predicted from the months before (" + bank.name() + "):");
            out.println(leaderboard.toMarkdown());

            RecommendationPrinter printer = new RecommendationPrinter(out);
            int step = Math.max(1, bank.customerCount() / Math.max(1, shown));
            for (int i = 0; i < shown && i * step < bank.customerCount(); i++) {
                Customer customer = bank.customer(i * step);
                RecommendationRequest request = RecommendationRequest.builder(customer).k(3)
                        .context(RequestContext.of(customer.preferredChannel().orElse("online"), "demo")).build();
                printer.print(customer, finrec.runtime().recommendationService().recommend(request),
                        finrec.catalog());
            }
        }
        return 0;
    }
}
