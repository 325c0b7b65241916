package org.finrec.runtime.it;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.finrec.api.Customer;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.experiment.ExperimentService;
import org.finrec.api.experiment.Outcome;
import org.finrec.api.experiment.OutcomeKind;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.runtime.FinrecRuntime;

/**
 * A host process for {@link OutcomeDurabilityIT}: serves requests in an experiment and records a click for each,
 * printing {@code ACK request product} once {@link ExperimentService#recordOutcome} has returned, until it is
 * killed.
 */
public final class OutcomeRecorderProcess {

    static final String EXPERIMENT = "durability";

    private OutcomeRecorderProcess() {
    }

    /**
     * @param args the storage folder and the bundle folder
     */
    public static void main(String[] args) {
        FinrecRuntime runtime = start(Path.of(args[0]), Path.of(args[1]));
        runtime.registerService(ProductCatalog.class, TestBank.catalog(), Map.of());
        runtime.registerService(Dataset.class, TestBank.dataset(), Map.of(Dataset.NAME, "test-bank"));
        ExperimentService experiments = runtime.waitForService(ExperimentService.class, null, Duration.ofSeconds(30));
        System.out.println("READY");
        for (int i = 0; ; i++) {
            Customer customer = Customer.builder("customer-" + i).age(45).riskTolerance(7).build();
            RecommendationResponse response = runtime.recommendationService().recommend(
                    RecommendationRequest.builder(customer).requestId("request-" + i).k(3).build());
            String product = response.recommendations().get(0).product().id();
            experiments.recordOutcome(new Outcome(response.requestId(), product, OutcomeKind.CLICK, Instant.now()));
            System.out.println("ACK " + response.requestId() + " " + product);
            System.out.flush();
        }
    }

    /** The runtime both the recording process and the test after the crash use: same folder, same experiment. */
    static FinrecRuntime start(Path storage, Path bundles) {
        return FinrecRuntime.builder().bundleFolder(bundles).mavenRepositoryFallback(false).storageFolder(storage)
                .configuration("org.finrec.experiment~" + EXPERIMENT, Map.of("id", EXPERIMENT,
                        "variants", new String[] {"control:50:(finrec.recommender.name=popularity)",
                            "treatment:50:(finrec.recommender.name=popularity)"}))
                .serviceTimeout(Duration.ofSeconds(30)).start();
    }
}
