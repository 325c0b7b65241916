package org.finrec.samplehost;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.spi.Recommender;
import org.finrec.eval.EvaluationResult;
import org.finrec.eval.Evaluator;
import org.finrec.eval.Leaderboard;
import org.finrec.eval.RankingMetric;
import org.finrec.eval.Split;
import org.finrec.runtime.FinrecRuntime;
import org.osgi.framework.ServiceRegistration;

/**
 * Evaluates recommenders the way they run in production: the split's training data is registered as a
 * {@link Dataset} service, each candidate recommender is created in the running framework by a factory
 * configuration that targets it, trains as its component activates, and is then evaluated on the test cases.
 */
final class EvaluationHarness {

    /** A recommender to evaluate: the factory PID of its component and the configuration that defines it. */
    record Candidate(String name, String factoryPid, Map<String, Object> properties) {
    }

    static final List<RankingMetric> METRICS = List.of(RankingMetric.PRECISION, RankingMetric.RECALL,
            RankingMetric.F1, RankingMetric.NDCG, RankingMetric.MAP, RankingMetric.HIT_RATE, RankingMetric.MRR);

    private final FinrecRuntime runtime;
    private final ProgressListener progress;
    private final Duration trainingTimeout;

    EvaluationHarness(FinrecRuntime runtime, ProgressListener progress, Duration trainingTimeout) {
        this.runtime = runtime;
        this.progress = progress;
        this.trainingTimeout = trainingTimeout;
    }

    Leaderboard evaluate(String datasetName, Split split, List<Candidate> candidates, int k) {
        String trainName = "evaluation-train-" + Integer.toHexString(System.identityHashCode(split));
        ServiceRegistration<Dataset> registration = runtime.registerService(Dataset.class, split.train(),
                Map.of(Dataset.NAME, trainName));
        List<EvaluationResult> results = new ArrayList<>();
        try {
            Evaluator evaluator = Evaluator.allItems(Runtime.getRuntime().availableProcessors());
            for (Candidate candidate : candidates) {
                String pid = candidate.factoryPid() + "~" + candidate.name();
                Map<String, Object> properties = new LinkedHashMap<>(candidate.properties());
                properties.put(Recommender.NAME, candidate.name());
                properties.put("dataset.target", "(" + Dataset.NAME + "=" + trainName + ")");
                long started = System.nanoTime();
                runtime.configure(pid, properties);
                try {
                    Recommender recommender = runtime.waitForService(Recommender.class,
                            "(" + Recommender.NAME + "=" + candidate.name() + ")", trainingTimeout);
                    double trainSeconds = (System.nanoTime() - started) / 1e9;
                    results.add(evaluator.evaluate(recommender, split, k, METRICS,
                            (step, done, total) -> progress.progress("evaluating " + candidate.name(), done, total))
                            .withTrainSeconds(trainSeconds));
                } finally {
                    runtime.deleteConfiguration(pid);
                }
            }
        } finally {
            registration.unregister();
        }
        return new Leaderboard(datasetName, results);
    }
}
