package org.finrec.samplehost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.finrec.api.Customer;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RequestContext;
import org.finrec.data.DatasetFormat;
import org.finrec.data.DatasetReader;
import org.finrec.data.ImportOptions;
import org.finrec.data.SyntheticBank;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints the recommendations for one customer, from the synthetic bank or a dataset. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Print recommendations with reasons for one customer.")
final class RecommendCommand implements Callable<Integer> {

    @Option(names = "--customer", required = true, description = "The customer's id.")
    String customerId;

    @Option(names = "--data", description = "File or folder to read (default: the synthetic bank).")
    Path data;

    @Option(names = "--format", description = "Format of --data: ${COMPLETION-CANDIDATES}.")
    DatasetFormat format;

    @Option(names = "--customers", defaultValue = "50000", description = "Customers in the synthetic bank.")
    int customers;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic bank.")
    long seed;

    @Option(names = "-k", defaultValue = "5", description = "Recommendations (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--recommender", description = "The recommender that serves: popularity, or any recommender "
            + "the evaluate command lists (such as content-match), trained on the data first (default: popularity, "
            + "or content-match with --intent).")
    String recommender;

    @Option(names = "--intent", description = "What the customer typed or said, such as \"saving for my daughter's "
            + "university\"; starts the inference feature so that content match reads it.")
    String intent;

    @Option(names = "--bundles", description = "Folder of bundle JARs (default: bundles/ beside the sample host).")
    Path bundles;

    @Override
    public Integer call() {
        ConsoleProgress progress = ConsoleProgress.onStandardError();
        Dataset dataset;
        if (data != null) {
            if (format == null) {
                throw new IllegalArgumentException("--data needs --format");
            }
            dataset = DatasetReader.of(format).read(data, ImportOptions.STRICT.withProgress(progress)).dataset();
        } else {
            dataset = new SyntheticBank(customers, 17, seed).generate(progress);
        }
        progress.finish();
        if (dataset.customerCount() == 0 || dataset.productCount() == 0) {
            System.err.println(dataset.name() + " has " + (dataset.customerCount() == 0 ? "no customers"
                    : "no products") + "; there is nothing to recommend");
            return 1;
        }
        int index = dataset.customerIndex(customerId);
        if (index < 0) {
            System.err.println("No customer " + customerId + " in " + dataset.name() + " (ids run like "
                    + dataset.customer(0).id() + ")");
            return 1;
        }
        Customer customer = dataset.customer(index);
        String serving = recommender != null ? recommender : intent != null ? "content-match" : "popularity";
        try (EmbeddedFinrec finrec = EmbeddedFinrec.start(EmbeddedFinrec.bundleFolder(bundles), dataset,
                EmbeddedFinrec.text(intent != null))) {
            if (!serving.equals("popularity")) {
                serve(finrec, dataset, serving);
            }
            RequestContext context = RequestContext.of(customer.preferredChannel().orElse("online"), "cli");
            RecommendationRequest request = RecommendationRequest.builder(customer).k(k)
                    .context(intent == null ? context : context.withAttribute(RequestContext.INTENT, intent)).build();
            RecommendationResponse response = finrec.runtime().recommendationService().recommend(request);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!response.servedBy().equals(serving) && System.nanoTime() < deadline) {
                // the facade takes its new configuration asynchronously, a few milliseconds later
                Thread.onSpinWait();
                response = finrec.runtime().recommendationService().recommend(request);
            }
            new RecommendationPrinter(System.out).print(customer, response, finrec.catalog());
        }
        return 0;
    }

    /**
     * Creates the named recommender on the data as the evaluation would, and makes the facade serve it, with
     * popularity as the fallback and a budget that allows the first call to encode the catalogue's texts.
     */
    private static void serve(EmbeddedFinrec finrec, Dataset dataset, String name) {
        EvaluationHarness.Contender candidate = Contenders.forDataset(dataset).stream()
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "no recommender " + name + " for " + dataset.name() + "; choose one of "
                                + Contenders.forDataset(dataset).stream().map(EvaluationHarness.Contender::name)
                                        .toList()));
        EvaluationHarness.create(finrec.runtime(), candidate, dataset.name(), Duration.ofMinutes(5));
        finrec.runtime().configure("org.finrec.core.facade", Map.of("recommender", name, "fallback.recommender",
                "popularity", "time.budget.ms", 5_000L));
    }
}
