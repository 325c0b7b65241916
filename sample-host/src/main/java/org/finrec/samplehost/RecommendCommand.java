package org.finrec.samplehost;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.finrec.api.Customer;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.RecommendationRequest;
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

    @Option(names = "--bundles", description = "Folder of bundle JARs (default: bundles/ beside the sample host).")
    Path bundles;

    @Override
    public Integer call() {
        ConsoleProgress progress = new ConsoleProgress(System.err);
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
        int index = dataset.customerIndex(customerId);
        if (index < 0) {
            System.err.println("No customer " + customerId + " in " + dataset.name() + " (ids run like "
                    + dataset.customer(0).id() + ")");
            return 1;
        }
        Customer customer = dataset.customer(index);
        try (EmbeddedFinrec finrec = EmbeddedFinrec.start(EmbeddedFinrec.bundleFolder(bundles), dataset)) {
            RecommendationRequest request = RecommendationRequest.builder(customer).k(k)
                    .context(RequestContext.of(customer.preferredChannel().orElse("online"), "cli")).build();
            new RecommendationPrinter(System.out).print(customer,
                    finrec.runtime().recommendationService().recommend(request), finrec.catalog());
        }
        return 0;
    }
}
