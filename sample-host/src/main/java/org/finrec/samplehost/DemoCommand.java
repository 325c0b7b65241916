package org.finrec.samplehost;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.finrec.api.Customer;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.Exclusion;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.Recommendation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RequestContext;
import org.finrec.runtime.FinrecRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the runtime, hands it the demo bank's catalogue and data, and prints recommendations with their reasons
 * and the products suitability removed, for a few customers.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Print recommendations with reasons for a few customers of a generated bank.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--customers", defaultValue = "5", description = "Customers to show (default ${DEFAULT-VALUE}).")
    int shown;

    @Option(names = "--bank-size", defaultValue = "20000",
            description = "Customers in the generated bank (default ${DEFAULT-VALUE}).")
    int bankSize;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated bank (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "-k", defaultValue = "3", description = "Recommendations per customer (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--bundles", description = "Folder of bundle JARs (default: bundles/ beside the sample host).")
    Path bundles;

    private final PrintStream out = System.out;

    @Override
    public Integer call() {
        DemoBank bank = DemoBank.generate(bankSize, seed);
        Path bundleFolder = bundles != null ? bundles : SampleHost.installationFolder().resolve("bundles");
        try (FinrecRuntime runtime = FinrecRuntime.builder().bundleFolder(bundleFolder).start()) {
            runtime.registerService(ProductCatalog.class, bank.catalog(), Map.of());
            runtime.registerService(Dataset.class, bank.dataset(), Map.of(Dataset.NAME, bank.dataset().name()));
            out.printf("Finrec sample host: %,d customers, %d products, %,d interactions (seed %d); runtime started "
                    + "in %d ms with %d bundles%n%n", bank.customers().size(), bank.catalog().products().size(),
                    bank.interactionCount(), seed, runtime.startupTime().toMillis(),
                    runtime.provisionedBundles().size());
            List<Customer> customers = bank.customers();
            int step = Math.max(1, customers.size() / Math.max(1, shown));
            for (int i = 0; i < shown && i * step < customers.size(); i++) {
                Customer customer = customers.get(i * step);
                RecommendationRequest request = RecommendationRequest.builder(customer).k(k)
                        .context(RequestContext.of(customer.preferredChannel().orElse("online"), "demo")).build();
                print(customer, runtime.recommendationService().recommend(request), bank.catalog());
            }
        }
        return 0;
    }

    private void print(Customer customer, RecommendationResponse response, ProductCatalog catalog) {
        out.printf("Customer %s: age %s, income %s, segment %s, risk tolerance %s%n", customer.id(),
                customer.age().isPresent() ? Integer.toString(customer.age().getAsInt()) : "unknown",
                customer.annualIncome().isPresent() ? String.format("%,.0f", customer.annualIncome().getAsDouble())
                        : "unknown",
                customer.segment().orElse("unknown"),
                customer.riskTolerance().isPresent() ? Integer.toString(customer.riskTolerance().getAsInt())
                        : "not assessed");
        out.println("  holds: " + customer.holdings().stream().sorted()
                .map(id -> catalog.product(id).map(p -> p.name()).orElse(id)).collect(Collectors.joining(", ")));
        for (Recommendation recommendation : response.recommendations()) {
            out.printf("  %d. %s (%s, risk class %d)  score %.4f  by %s, model %s%n", recommendation.rank(),
                    recommendation.product().name(), recommendation.product().category(),
                    recommendation.product().riskClass(), recommendation.score(), recommendation.recommender(),
                    recommendation.modelVersion());
            for (Reason reason : recommendation.reasons()) {
                out.printf("       %-20s %s%n", reason.code(), reason.message());
            }
        }
        List<Exclusion> unsuitable = response.exclusions().stream()
                .filter(exclusion -> !exclusion.hasReason("ALREADY_HELD")).toList();
        if (!unsuitable.isEmpty()) {
            out.println("  not offered:");
            for (Exclusion exclusion : unsuitable) {
                for (Reason reason : exclusion.reasons()) {
                    out.printf("       %-20s %s%n", reason.code(), reason.message());
                }
            }
        }
        out.println();
    }
}
