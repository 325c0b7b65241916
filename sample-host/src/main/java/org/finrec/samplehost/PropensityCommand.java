package org.finrec.samplehost;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.eval.PropensityResult;
import org.finrec.eval.PropensityTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Asks "will this customer take this product?" of every recommender and of a logistic-regression baseline, in a
 * warm and two cold-start scenarios, and prints the AUC of each.
 */
@Command(name = "propensity", mixinStandardHelpOptions = true,
        description = "Score one product's take-up (AUC) for held-out customers: warm, new customers, new product.")
final class PropensityCommand implements Callable<Integer> {

    @Mixin
    DatasetOptions input;

    @Option(names = "--product", required = true, description = "The product whose take-up is predicted.")
    String product;

    @Option(names = "--scenarios", split = ",", defaultValue = "WARM,NEW_CUSTOMER,NEW_PRODUCT",
            description = "Any of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    List<PropensityTask.Scenario> scenarios;

    @Option(names = "--test-share", defaultValue = "0.2",
            description = "Share of the customers held out for testing (default ${DEFAULT-VALUE}).")
    double testShare;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the hold-out (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--text", description = "Also run the inference feature, so that content match compares product "
            + "texts (MiniLM) with what each customer holds.")
    boolean text;

    @Option(names = "--bundles", description = "Folder of bundle JARs (default: bundles/ beside the sample host).")
    Path bundles;

    private final PrintStream out = System.out;

    @Override
    public Integer call() {
        ConsoleProgress progress = ConsoleProgress.onStandardError();
        Dataset dataset = input.read(progress);
        List<PropensityResult> results = evaluate(dataset, product, scenarios, testShare, seed,
                EmbeddedFinrec.bundleFolder(bundles), text, progress);
        progress.finish();
        out.printf("%s: %,d customers; propensity of %s, %.0f%% of customers held out (seed %d)%n%n",
                dataset.name(), dataset.customerCount(), product, 100 * testShare, seed);
        out.print(table(results));
        return 0;
    }

    /**
     * Runs the tasks: the framework's recommenders trained on each task's training data (content match with product
     * texts when {@code text} is set), then the baseline.
     *
     * @return the results, scenario by scenario, the baseline last in each
     */
    static List<PropensityResult> evaluate(Dataset dataset, String product, List<PropensityTask.Scenario> scenarios,
            double testShare, long seed, Path bundleFolder, boolean text, ProgressListener progress) {
        List<PropensityResult> results = new ArrayList<>();
        int threads = Runtime.getRuntime().availableProcessors();
        try (EmbeddedFinrec finrec = EmbeddedFinrec.start(bundleFolder, dataset, EmbeddedFinrec.text(text))) {
            EvaluationHarness harness = new EvaluationHarness(finrec.runtime(), progress, Duration.ofMinutes(30));
            for (PropensityTask.Scenario scenario : scenarios) {
                PropensityTask task = PropensityTask.of(dataset, product, testShare, seed, scenario);
                results.addAll(harness.evaluate(task, Contenders.forDataset(task.train())));
                results.add(task.evaluate(LogisticRegressionBaseline.train(task.train()), threads));
            }
        }
        return results;
    }

    /** A Markdown table of the results. */
    static String table(List<PropensityResult> results) {
        StringBuilder table = new StringBuilder("| task | recommender | AUC | positives | negatives | no opinion |\n"
                + "|---|---|---|---|---|---|\n");
        for (PropensityResult result : results) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %,d | %,d | %,d |%n", result.task(),
                    result.recommender(), result.auc(), result.positives(), result.negatives(),
                    result.noOpinion()));
        }
        return table.toString();
    }
}
