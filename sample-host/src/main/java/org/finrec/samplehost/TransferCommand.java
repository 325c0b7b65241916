package org.finrec.samplehost;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.finrec.api.Customer;
import org.finrec.api.data.Dataset;
import org.finrec.api.spi.Recommender;
import org.finrec.data.SyntheticBank;
import org.finrec.eval.EvaluationResult;
import org.finrec.eval.Leaderboard;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;
import org.finrec.runtime.FinrecRuntime;
import org.osgi.framework.ServiceRegistration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Transfer learning, measured: the sequential recommender is pre-trained on a large source bank, then fine-tuned on
 * small target banks and compared with the same recommender trained on the target alone, and with popularity per
 * age band. The source is a synthetic bank that never sold one product ({@code --new-product}: no holder, no event),
 * so the targets, other synthetic banks (another seed, hence other customers) that do sell it, differ from the
 * source in their product mix. Each target is scored on the demo's protocol: the products its customers added in
 * the last month, predicted from the months before.
 */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = "Pre-train the sequential recommender on a large synthetic bank, fine-tune it on small ones "
                + "and compare with training from scratch (MAP@7, NDCG@7 on the last month's added products).")
final class TransferCommand implements Callable<Integer> {

    private static final String SOURCE = "sequential-source";

    @Option(names = "--source-customers", defaultValue = "200000",
            description = "Customers of the source bank (default ${DEFAULT-VALUE}).")
    int sourceCustomers;

    @Option(names = "--target-customers", split = ",", defaultValue = "1000,5000,20000",
            description = "Customers of each target bank (default ${DEFAULT-VALUE}).")
    List<Integer> targetCustomers;

    @Option(names = "--months", defaultValue = "17", description = "Monthly snapshots (default ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--new-product", defaultValue = "ecue_fin",
            description = "The product the source bank never sold (default ${DEFAULT-VALUE}, the e-account).")
    String newProduct;

    @Option(names = "--epochs", defaultValue = "30", description = "At most this many epochs per training, early "
            + "stopping on validation NDCG@10 may end sooner (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--store", description = "Model store folder (default: a new temporary folder).")
    Path store;

    @Option(names = "--bundles", description = "Folder of bundle JARs (default: bundles/ beside the sample host).")
    Path bundles;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        Path models = store != null ? store : Files.createTempDirectory("finrec-transfer");
        ConsoleProgress progress = ConsoleProgress.onStandardError();
        Dataset wholeSource = new SyntheticBank(sourceCustomers, months, 42).generate(progress);
        Dataset source = Splitter.newProducts(List.of(newProduct)).split(wholeSource).train();
        int largest = targetCustomers.stream().mapToInt(Integer::intValue).max().orElseThrow();
        Dataset largestTarget = new SyntheticBank(largest, months, 7).generate(progress);
        progress.finish();
        out.printf("Source: synthetic bank of %,d customers (seed 42), %s never sold; targets: seed 7; model store %s"
                + "%n%n", source.customerCount(), newProduct, models);
        try (EmbeddedFinrec finrec = EmbeddedFinrec.start(EmbeddedFinrec.bundleFolder(bundles), largestTarget,
                Set.of(EmbeddedFinrec.Extra.SEQUENTIAL))) {
            FinrecRuntime runtime = finrec.runtime();
            Duration timeout = Duration.ofHours(2);
            long started = System.nanoTime();
            String sourceVersion = pretrain(runtime, source, models, epochs, timeout);
            double pretrainSeconds = (System.nanoTime() - started) / 1e9;
            out.printf("Pre-trained %s/%s in %.0f s%n%n", SOURCE, sourceVersion, pretrainSeconds);

            Map<String, Object> tuned = new HashMap<>();
            tuned.put("epochs", epochs);
            tuned.put("model.store", models.toString());
            tuned.put("pretrained.recommender", SOURCE);
            tuned.put("pretrained.version", sourceVersion);
            EvaluationHarness.Contender popularity = new EvaluationHarness.Contender("popularity-age",
                    Contenders.POPULARITY_PID, Map.of("segment.attribute", Customer.AGE_BAND));
            List<EvaluationHarness.Contender> contenders = List.of(popularity,
                    new EvaluationHarness.Contender("scratch", Contenders.SEQUENTIAL_PID, Map.of("epochs", epochs)),
                    new EvaluationHarness.Contender("fine-tuned", Contenders.SEQUENTIAL_PID, tuned));
            out.println("| target customers | test cases | popularity-age MAP@7 / NDCG@7 | from scratch MAP@7 / NDCG@7 "
                    + "| fine-tuned MAP@7 / NDCG@7 | fine-tuned / scratch MAP@7 | train s scratch / fine-tuned |");
            out.println("|---|---|---|---|---|---|---|");
            for (int customers : targetCustomers) {
                Dataset target = customers == largest ? largestTarget
                        : new SyntheticBank(customers, months, 7).generate(progress);
                Split split = DemoCommand.lastMonth(target).split(target);
                Leaderboard board = new EvaluationHarness(runtime, progress, timeout).evaluate(target.name(), split,
                        contenders, 7);
                progress.finish();
                EvaluationResult pop = board.result("popularity-age");
                EvaluationResult scratch = board.result("scratch");
                EvaluationResult fine = board.result("fine-tuned");
                out.printf(Locale.ROOT, "| %,d | %,d | %.4f / %.4f | %.4f / %.4f | %.4f / %.4f | %.2f | %.0f / %.0f |%n",
                        customers, split.test().size(), pop.metric("MAP@7"), pop.metric("NDCG@7"),
                        scratch.metric("MAP@7"), scratch.metric("NDCG@7"), fine.metric("MAP@7"), fine.metric("NDCG@7"),
                        fine.metric("MAP@7") / scratch.metric("MAP@7"), scratch.trainSeconds(), fine.trainSeconds());
            }
        }
        return 0;
    }

    /** Trains the source model into the store, and returns its version; the configuration is deleted after. */
    private static String pretrain(FinrecRuntime runtime, Dataset source, Path models, int epochs,
            Duration timeout) {
        ServiceRegistration<Dataset> registration = runtime.registerService(Dataset.class, source,
                Map.of(Dataset.NAME, "transfer-source"));
        EvaluationHarness.Contender contender = new EvaluationHarness.Contender(SOURCE, Contenders.SEQUENTIAL_PID,
                Map.of("model.store", models.toString(), "epochs", epochs));
        try {
            Recommender recommender = EvaluationHarness.create(runtime, contender, "transfer-source", timeout);
            return recommender.modelVersion();
        } finally {
            runtime.deleteConfiguration(contender.pid());
            registration.unregister();
        }
    }
}
